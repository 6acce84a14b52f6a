"""`jv build-report`: the pilot's final report assembled from the repository."""
