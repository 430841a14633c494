"""Coverage-guided fuzzing (atheris); only `harness` is imported by pytest, never atheris."""
