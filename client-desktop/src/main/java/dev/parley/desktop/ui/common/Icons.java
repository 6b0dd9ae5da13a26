package dev.parley.desktop.ui.common;

import javafx.scene.shape.SVGPath;

/** The few line icons the app uses, as SVG paths on a 24x24 grid (drawn for Parley). */
public enum Icons {
    SEND("M3.4 20.4 21 12 3.4 3.6 3.4 10.2 16 12 3.4 13.8z"),
    PLUS("M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z"),
    GEAR("M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zm0 2a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM10.6 2h2.8l.5 2.6 1.6.7 2.2-1.5 2 2-1.5 2.2.7 1.6 2.6.5v2.8l-2.6.5-.7 1.6 1.5 2.2-2 2-2.2-1.5-1.6.7-.5 2.6h-2.8l-.5-2.6-1.6-.7-2.2 1.5-2-2 1.5-2.2-.7-1.6L2 13.4v-2.8l2.6-.5.7-1.6-1.5-2.2 2-2 2.2 1.5 1.6-.7z"),
    LOCK("M6 10V7a6 6 0 0 1 12 0v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1zm2 0h8V7a4 4 0 0 0-8 0v3z"),
    SEARCH("M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"),
    /** Verified: a solid shield with a check cut out. */
    SHIELD("M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5zm-1 13.4-3.7-3.7 1.4-1.4 2.3 2.3 4.7-4.7 1.4 1.4z"),
    /** Not verified: the shield's outline only, empty inside. */
    SHIELD_OUTLINE("M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5zm0 2.2 6 2.2V11c0 3.9-2.5 7.4-6 8.9-3.5-1.5-6-5-6-8.9V6.4z"),
    CHAT("M4 3h14a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3h-7l-5 4v-4H4a3 3 0 0 1-3-3V6a3 3 0 0 1 3-3z"),
    /** Attach a file: a paperclip drawn as one band. */
    PAPERCLIP("M15.5 7v9a3.5 3.5 0 0 1-7 0V5.5a2.5 2.5 0 0 1 5 0V15a1 1 0 0 1-2 0V7H10v8a2.5 2.5 0 0 0 5 0V5.5a4 4 0 0 0-8 0V16a5 5 0 0 0 10 0V7z"),
    /** Disappearing messages: a stopwatch. */
    TIMER("M9 1h6v2H9zM12 4a8.5 8.5 0 1 1 0 17 8.5 8.5 0 0 1 0-17zm0 2a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm-1 2h2v5.4l3.4 2-1 1.7L11 14.5z"),
    /** Two people: a group (issue #15). */
    GROUP("M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7.5 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.9 3.6-7 8-7s8 3.1 8 7z"
            + "m17.5 0c0-2.3-.8-4.3-2.2-5.8 3.5.4 6.2 2.8 6.2 5.8z"),
    /** An "i" in a ring: information about the open conversation. */
    INFO("M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zM11 10h2v7h-2zm0-3.5h2v2h-2z");

    private final String path;

    Icons(String path) {
        this.path = path;
    }

    /** A new shape node for this icon, with style class {@code icon}. */
    public SVGPath node() {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        p.getStyleClass().add("icon");
        return p;
    }

    public String path() {
        return path;
    }
}
