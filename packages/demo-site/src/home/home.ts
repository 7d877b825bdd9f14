// Drawn later.
