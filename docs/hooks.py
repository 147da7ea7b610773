"""MkDocs hook: docs/ also holds the site's build script and this file, which are not pages of the site."""

NOT_PUBLISHED = {"build", "hooks.py"}


def on_files(files, config):
    for file in list(files):
        if file.src_path in NOT_PUBLISHED:
            files.remove(file)
    return files
