"""The visible stamp's typeface, with its metrics in the units PDF reads.

pyHanko 0.38 writes an embedded TrueType font's `/W` widths, its TJ adjustments and its font
descriptor's metrics in the font's own units (2048 per em for Arimo) where PDF reads thousandths
of an em: viewers then advance every glyph twice as far (the stamp's text letter-spaced and cut
at the box's edge) and PDF/A's rule that `/W` agree with the font program fails. Shaping at
1000 units per em makes HarfBuzz's advances, the widths and the adjustments all thousandths;
the descriptor is scaled to match.

PDF/A-1 also asks a subset CID font to list the glyphs it holds (the descriptor's `/CIDSet`,
ISO 19005-1, 6.3.5), which pyHanko does not write; it is added when the subset is written.
"""

from __future__ import annotations

from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

PDF_UNITS = 1000  # glyph space units per em, as PDF reads widths and metrics
_DESCRIPTOR_METRICS = ("/Ascent", "/Descent", "/CapHeight", "/StemV")


class _ThousandthsAccumulator(GlyphAccumulator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._to_pdf = PDF_UNITS / self.units_per_em
        self.hb_font.scale = (PDF_UNITS, PDF_UNITS)
        self.units_per_em = PDF_UNITS
        descriptor = self.cidfont_obj._font_descriptor
        for key in _DESCRIPTOR_METRICS:
            descriptor[generic.NameObject(key)] = self._scaled(descriptor[key])
        descriptor[generic.NameObject("/FontBBox")] = generic.ArrayObject(
            self._scaled(v) for v in descriptor["/FontBBox"])

    def _scaled(self, value) -> generic.NumberObject:
        return generic.NumberObject(round(float(value) * self._to_pdf))

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        # pyHanko keeps (CID, width in font units) per glyph; keep the width in thousandths.
        known = glyph_id in self._glyphs
        cid, width = super()._get_cid_and_width(glyph_id)
        if not known:
            width = round(width * self._to_pdf)
            self._glyphs[glyph_id] = cid, width
        return cid, width


    def prepare_write(self) -> None:
        if self._write_prepared:
            return
        super().prepare_write()
        # One bit per CID, the most significant bit of the first byte for CID 0 (.notdef, which
        # every font program holds).
        cids = {0, *(cid for cid, _width in self._glyphs.values())}
        bitmap = bytearray(max(cids) // 8 + 1)
        for cid in cids:
            bitmap[cid // 8] |= 0x80 >> (cid % 8)
        self.cidfont_obj._font_descriptor[generic.NameObject("/CIDSet")] = \
            self.writer.add_object(generic.StreamObject(stream_data=bytes(bitmap)))


class StampFont(GlyphAccumulatorFactory):
    """A GlyphAccumulatorFactory whose fonts carry their metrics in thousandths of an em."""

    def __init__(self, font_file: Path, font_size: int = 10) -> None:
        super().__init__(str(font_file), font_size=font_size)

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return _ThousandthsAccumulator(
            writer=writer, font_handle=open(self.font_file, "rb"),  # noqa: SIM115 - pyHanko's
            font_size=self.font_size, ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)
