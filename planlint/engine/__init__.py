"""Running the checks over a set of files: one file start to finish, workers, the disk cache and the in-memory memo."""
