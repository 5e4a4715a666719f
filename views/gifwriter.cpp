#include "gifwriter.h"

#include <Magick++.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <vector>

namespace gs {

namespace {

void initializeMagick() {
    static std::once_flag init;
    std::call_once(init, [] { Magick::InitializeMagick(nullptr); });
}

void put16(std::ofstream& out, int v) {
    out.put(static_cast<char>(v & 0xff));
    out.put(static_cast<char>((v >> 8) & 0xff));
}

// The parts of a one-frame GIF (GIF89a, section numbers of the specification) that the
// animation needs: the frame's colour table, its image descriptor and its LZW data.
struct GifFrameParts {
    std::vector<std::uint8_t> colours; ///< 3 * 2^(bits+1) bytes
    int tableBits = 0;                 ///< the 3-bit size field: 2^(bits+1) colours
    int left = 0, top = 0, width = 0, height = 0;
    bool transparent = false;
    int transparentIndex = 0;
    const std::uint8_t* lzw = nullptr; ///< minimum code size byte, sub-blocks, terminator
    std::size_t lzwSize = 0;
};

// Splits a one-frame GIF; returns false when it is not one (truncated, no image).
bool splitGif(const std::uint8_t* d, std::size_t n, GifFrameParts& out) {
    std::size_t pos = 13; // header (6) + logical screen descriptor (7), section 17-18
    if (n < pos || d[0] != 'G' || d[1] != 'I' || d[2] != 'F')
        return false;
    const std::uint8_t screen = d[10];
    std::vector<std::uint8_t> global;
    int globalBits = 0;
    if (screen & 0x80) { // global colour table, section 19
        globalBits = screen & 7;
        const std::size_t size = std::size_t(3) << (globalBits + 1);
        if (pos + size > n)
            return false;
        global.assign(d + pos, d + pos + size);
        pos += size;
    }
    // Skips data sub-blocks (length byte, bytes) up to and including the 0 terminator.
    auto skipBlocks = [&](std::size_t& p) {
        while (p < n) {
            const std::size_t len = d[p++];
            if (len == 0)
                return true;
            p += len;
        }
        return false;
    };
    while (pos < n) {
        const std::uint8_t introducer = d[pos++];
        if (introducer == 0x21) { // extension, section 23 (graphic control: label 0xF9)
            if (pos >= n)
                return false;
            const std::uint8_t label = d[pos++];
            if (label == 0xF9 && pos + 5 <= n && d[pos] == 4) {
                out.transparent = (d[pos + 1] & 1) != 0;
                out.transparentIndex = d[pos + 4];
            }
            if (!skipBlocks(pos))
                return false;
        } else if (introducer == 0x2C) { // image descriptor, section 20
            if (pos + 9 > n)
                return false;
            auto get16 = [&](std::size_t p) { return int(d[p]) | (int(d[p + 1]) << 8); };
            out.left = get16(pos);
            out.top = get16(pos + 2);
            out.width = get16(pos + 4);
            out.height = get16(pos + 6);
            const std::uint8_t packed = d[pos + 8];
            pos += 9;
            if (packed & 0x40)
                return false;    // interlaced: never asked for
            if (packed & 0x80) { // local colour table, section 21
                out.tableBits = packed & 7;
                const std::size_t size = std::size_t(3) << (out.tableBits + 1);
                if (pos + size > n)
                    return false;
                out.colours.assign(d + pos, d + pos + size);
                pos += size;
            } else {
                if (global.empty())
                    return false;
                out.tableBits = globalBits;
                out.colours = std::move(global);
            }
            const std::size_t start = pos;
            ++pos; // LZW minimum code size, section 22
            if (!skipBlocks(pos) || pos > n)
                return false;
            out.lzw = d + start;
            out.lzwSize = pos - start;
            return true;
        } else {
            return false; // the trailer before any image, or garbage
        }
    }
    return false;
}

} // namespace

GifStream::~GifStream() {
    if (m_file.is_open())
        m_file.close(); // unfinished: the caller removes the file
}

std::string GifStream::open(const std::string& path, int width, int height, int delay) {
    if (width < 1 || height < 1 || width > kMaxGifSide || height > kMaxGifSide)
        return "a GIF frame of " + std::to_string(width) + "x" + std::to_string(height) +
               " pixels is out of range (1 to " + std::to_string(kMaxGifSide) + " a side)";
    initializeMagick();
    m_path = path;
    m_width = width;
    m_height = height;
    m_delay = std::max(0, std::min(delay, 65535));
    m_frames = 0;
    m_file.open(path, std::ios::binary | std::ios::trunc);
    if (!m_file)
        return "could not write '" + path + "' (" + std::strerror(errno) + ")";
    m_file.write("GIF89a", 6);
    put16(m_file, width); // logical screen descriptor: no global colour table
    put16(m_file, height);
    m_file.put(0x70); // colour resolution 8 bits
    m_file.put(0);    // background colour index
    m_file.put(0);    // aspect ratio: square pixels
    // Application extension NETSCAPE2.0: loop forever (count 0).
    static const char loop[] = "\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00";
    m_file.write(loop, sizeof loop - 1);
    return m_file ? std::string() : "cannot write '" + path + "'";
}

std::string GifStream::addFrame(const std::uint8_t* pixels, int width, int height, int channels,
                                bool bottomUp) {
    if (!m_file.is_open())
        return "the GIF is not open";
    if (!pixels || width != m_width || height != m_height || (channels != 3 && channels != 4))
        return "frame " + std::to_string(m_frames + 1) + " is " + std::to_string(width) + "x" +
               std::to_string(height) + " with " + std::to_string(channels) +
               " bytes a pixel; the GIF is " + std::to_string(m_width) + "x" +
               std::to_string(m_height) + " (RGB or RGBA)";
    Magick::Blob blob;
    try {
        Magick::Image image(static_cast<std::size_t>(width), static_cast<std::size_t>(height),
                            channels == 4 ? "RGBA" : "RGB", Magick::CharPixel, pixels);
        image.quiet(true); // warnings are not failures
        if (bottomUp)
            image.flip();
        image.magick("GIF");
        image.write(&blob);
    } catch (const Magick::Exception& e) {
        return "could not encode frame " + std::to_string(m_frames + 1) + " of '" + m_path +
               "': " + e.what();
    }
    GifFrameParts parts;
    if (!splitGif(static_cast<const std::uint8_t*>(blob.data()), blob.length(), parts) ||
        parts.left + parts.width > m_width || parts.top + parts.height > m_height)
        return "could not encode frame " + std::to_string(m_frames + 1) + " of '" + m_path +
               "': ImageMagick wrote no usable GIF image";
    // Graphic control extension, section 23: the delay, and the transparent colour. A
    // transparent frame restores the background (disposal 2) so the last one does not
    // show through; an opaque one is left in place (disposal 1).
    const int disposal = parts.transparent ? 2 : 1;
    m_file.put(0x21);
    m_file.put(static_cast<char>(0xF9));
    m_file.put(4);
    m_file.put(static_cast<char>((disposal << 2) | (parts.transparent ? 1 : 0)));
    put16(m_file, m_delay);
    m_file.put(static_cast<char>(parts.transparent ? parts.transparentIndex : 0));
    m_file.put(0);
    // Image descriptor with the frame's own (local) colour table.
    m_file.put(0x2C);
    put16(m_file, parts.left);
    put16(m_file, parts.top);
    put16(m_file, parts.width);
    put16(m_file, parts.height);
    m_file.put(static_cast<char>(0x80 | parts.tableBits));
    m_file.write(reinterpret_cast<const char*>(parts.colours.data()),
                 std::streamsize(parts.colours.size()));
    m_file.write(reinterpret_cast<const char*>(parts.lzw), std::streamsize(parts.lzwSize));
    if (!m_file)
        return "could not write '" + m_path + "' (disk full?)";
    ++m_frames;
    return {};
}

std::string GifStream::finish() {
    if (!m_file.is_open())
        return "the GIF is not open";
    m_file.put(0x3B); // trailer
    m_file.close();
    if (m_file.fail())
        return "could not write '" + m_path + "'";
    return {};
}

} // namespace gs
