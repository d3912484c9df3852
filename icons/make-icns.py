#!/usr/bin/env python3
"""Builds icons/member-console.icns (the macOS app icon) from the PNGs beside it.

An .icns file is the magic 'icns', the whole file's length (big-endian 32-bit), then chunks: a 4-byte type,
the chunk's length including its 8-byte header, and the data. Since macOS 10.7 the data of the types below may
be a PNG file as it is, so no pixel conversion is needed. Run from anywhere: python3 icons/make-icns.py
"""
import pathlib
import struct

HERE = pathlib.Path(__file__).resolve().parent

# type -> PNG edge in pixels; the @2x types reuse the larger PNG for the Retina version of the smaller size.
CHUNKS = [
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64),
    (b"ic07", 128), (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
]

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png(size):
    data = (HERE / f"icon-{size}.png").read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    if not data.startswith(PNG_MAGIC) or (width, height) != (size, size):
        raise SystemExit(f"icon-{size}.png is not a {size}x{size} PNG")
    return data


def main():
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data
                    for kind, data in ((kind, png(size)) for kind, size in CHUNKS))
    out = HERE / "member-console.icns"
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    print(f"{out.name}: {8 + len(body)} bytes, {len(CHUNKS)} images")


if __name__ == "__main__":
    main()
