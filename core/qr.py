"""QR codes for printed documents (certificates point to their public verification page)."""
import segno


def qr_svg(text, *, scale=3):
    """The QR code of `text` as inline SVG markup (our own output: safe to embed unescaped)."""
    return segno.make(text, error="m").svg_inline(scale=scale, border=1, dark="#000")
