-- Queue sizes are counted from the blobs table once per recipient and then kept by the writer thread.
DROP TABLE queue_sizes;
