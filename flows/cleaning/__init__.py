"""Cleaning: deliberate decoding of the kept bytes (decode), and a page's article text and
metadata through trafilatura (clean)."""
