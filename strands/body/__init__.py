"""The body shared by Leitbild and Handlungshilfen pages: its blocks and the one reader of it."""
