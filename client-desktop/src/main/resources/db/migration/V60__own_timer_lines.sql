-- Issue #12 follow-up: this user's own timer changes read "You set disappearing messages to 1 hour" (and "You turned
-- off disappearing messages"), not "alice set ...". Lines written before this version carried the user's own name;
-- only those exact texts of outgoing system lines are rewritten (compared by prefix, no LIKE patterns).
UPDATE messages SET body = CONCAT('You', SUBSTRING(body, CHAR_LENGTH(sender) + 1))
    WHERE kind = 'SYSTEM' AND direction = 'OUTGOING'
      AND (LEFT(body, CHAR_LENGTH(sender) + 30) = CONCAT(sender, ' set disappearing messages to ')
           OR body = CONCAT(sender, ' turned off disappearing messages'));
