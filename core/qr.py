"""QR codes for printed documents (certificates point to their public verification page)."""
import segno

# 10 px a module: a version 5 code (37 modules) plus its quiet zone is 410 px, sharp at 20–30 mm
# (> 300 dpi) even where a viewer smooths the image, and under 1 KB as a 1-bit PNG.
PIXELS_PER_MODULE = 10
QUIET_ZONE = 2  # modules of white around the code, inside the image


def qr_png_data_uri(text):
    """The QR code of `text` as a `data:image/png;base64,…` URL, for an <img> in a document: core/pdf.py
    lets WeasyPrint read data: URLs (they reach neither the network nor the disk), and the PDF then holds
    it as an image whose box a test can check."""
    return segno.make(text, error="m").png_data_uri(scale=PIXELS_PER_MODULE, border=QUIET_ZONE)
