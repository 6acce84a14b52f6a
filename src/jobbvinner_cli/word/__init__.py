"""Word in, Word out: one document exported alone (DOCX/PDF), and a filled-in DOCX imported.

The export (:mod:`.export`) gives a team a Word file of its document with the header
fields filled in, its sections as Word headings and the guidance in its own paragraph
style. The import (:mod:`.importer`) takes such a file (or any Word file made from the
pilot's templates) back: it is inspected as untrusted input first (:mod:`.safety`),
read by Pandoc under a time and memory limit (:mod:`.reader`), its sections matched to
the type's (:mod:`.sections`) and written as the document's Markdown, which is then
checked like any other document.
"""
