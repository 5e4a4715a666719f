#pragma once
// Animated GIF writing, one frame at a time: each frame is quantized by ImageMagick's
// Magick++ (colour reduction and LZW are its job) into a one-frame GIF in memory, whose
// colour table and compressed pixels are appended to the file as the next frame. Memory
// is one frame whatever the number of frames. Kept apart from VTK: the two sets of
// headers do not mix well.

#include <cstdint>
#include <fstream>
#include <string>

namespace gs {

/// The largest side a GIF can describe (16-bit fields).
constexpr int kMaxGifSide = 65535;

class GifStream {
public:
    GifStream() = default;
    ~GifStream();
    GifStream(const GifStream&) = delete;
    GifStream& operator=(const GifStream&) = delete;

    /// Creates `path` and writes the header of a looping animation of `width` x `height`
    /// with `delayCentiseconds` per frame. Returns an empty string or the message.
    [[nodiscard]] std::string open(const std::string& path, int width, int height,
                                   int delayCentiseconds);

    /// Appends one frame: `pixels` holds width x height pixels of `channels` bytes (3: RGB,
    /// 4: RGBA, where alpha below half becomes the frame's transparent colour), rows from
    /// the bottom when `bottomUp` (VTK's order). Returns an empty string or the message.
    [[nodiscard]] std::string addFrame(const std::uint8_t* pixels, int width, int height,
                                       int channels, bool bottomUp);

    /// Writes the trailer and closes the file. Returns an empty string or the message.
    [[nodiscard]] std::string finish();

    int frameCount() const { return m_frames; }

private:
    std::ofstream m_file;
    std::string m_path;
    int m_width = 0, m_height = 0, m_delay = 0, m_frames = 0;
};

} // namespace gs
