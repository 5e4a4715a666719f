#pragma once
// Writes a scene to a PNG or JPEG file at any size, off screen, with the same
// renderer contents the window shows; an .svg or .pdf path becomes a vector figure
// (vectorexport.h). Needs an X display (VTK renders through GLX).

#include "optiontable.h"

#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>
#include <vtkSmartPointer.h>

class vtkRenderer;
class vtkRenderWindow;

namespace gs {

struct ImageExportOptions {
    int width = 1200, height = 900;
    bool transparent = false; ///< PNG only: the background becomes alpha 0
};

/// Fonts and lines of a picture `height` pixels high drawn from a view `reference` pixels high
/// (the window's exports): they scale with the picture both ways, down to kLeastExportScale
/// (tick labels of 6.5 pixels at the default font).
constexpr double kLeastExportScale = 0.5;
inline double exportPixelScale(int height, int reference) {
    const double scale = double(height) / (reference > 0 ? reference : 1);
    return scale > kLeastExportScale ? scale : kLeastExportScale;
}
/// The command line's figures: the default look from 600 to 900 pixels high (the window's 3-D
/// view at 1280x720, about 620 pixels high, shows the same text), growing above 900 with the
/// picture, shrinking below 600 down to kLeastExportScale: a 320x240 figure kept the default
/// text and its legends covered the plot (tester s11).
inline double figurePixelScale(int height) {
    if (height >= 900)
        return height / 900.0;
    return height >= 600 ? 1.0 : exportPixelScale(height, 600);
}

/// The largest side an export may have (the GL renderbuffer limit on llvmpipe is 16384).
constexpr int kMaxExportSide = int(options::imageSide.max);

/// The file types an image export writes, for messages: PNG and JPEG are rendered pictures,
/// SVG and PDF vector figures (vectorexport.h).
extern const char* const kImageFormats;

/// Checks that `path` can be written as a new or replaced file: its folder exists and is
/// writable and it is not itself a folder. Returns an empty string when fine, else the message.
[[nodiscard]] std::string validateOutputPath(const std::string& path);

/// Checks what can be checked before rendering: the file type, the folder, the size and
/// transparency. Returns an empty string when fine, else the message.
[[nodiscard]] std::string validateImageExport(const std::string& path,
                                              const ImageExportOptions& options);

/// True when an X display can be opened (VTK aborts the process without one).
bool displayAvailable();

/// What happens to the off-screen window after the file is written.
enum class ExportTeardown {
    Release,     ///< release every GL resource and the window (in a running program)
    ProcessExits ///< keep them: the caller exits at once and the OS reclaims everything
                 ///< (releasing them cost a command-line export a quarter of its time)
};

/// Off-screen windows kept for a run of exports (a --batch): each PNG or JPEG export given
/// them borrows one instead of creating its own, so the GL context and the shader programs
/// llvmpipe compiled for one figure serve the next (VTK caches programs per window by their
/// source). One window for opaque and one for transparent pictures (the alpha planes are
/// fixed when the context is made); each export sets its own size. The pictures are the
/// same, pixel for pixel, as with a window of their own (tests/test_cli: batchReusesOneWindow).
///
/// Their PNG files are encoded and written on a worker thread while the next figure is drawn
/// (one write in flight at a time; the same encoder and settings as a single export, so the
/// same bytes): exportImage returns once the picture is taken, and the outcome of each write
/// is collected with finishedWrites() or finishWrites(), named by the tag it was queued under.
class ExportWindows {
public:
    ExportWindows();
    ~ExportWindows(); ///< waits for the write in flight
    ExportWindows(const ExportWindows&) = delete;
    ExportWindows& operator=(const ExportWindows&) = delete;

    /// The window for `transparent` pictures or opaque ones, made on first use.
    vtkRenderWindow* window(bool transparent);

    /// Leaves `renderer` in its window after its export (a batch's scene drawn again for the
    /// next figure: its geometry stays uploaded, only what changed is sent again). It leaves
    /// the window when another renderer's export needs it. Null: none is kept.
    void keepRenderer(vtkRenderer* renderer);
    /// Puts `renderer` alone into `window` (the kept renderer, elsewhere, leaves first).
    void enter(vtkRenderer* renderer, vtkRenderWindow* window);
    /// True when `renderer` stays in its window after its export.
    bool keeps(const vtkRenderer* renderer) const;

    /// The outcome of one background write: the file, and the message if it failed.
    struct WriteResult {
        int tag = 0;
        std::string path;
        std::string error; ///< empty: written
    };
    /// The tag the next queued write is given (a batch's scene index).
    void setTag(int tag) { m_tag = tag; }
    /// The tag of the write in flight, if any.
    std::optional<int> writing() const;
    /// The writes finished since the last call, in order, without waiting.
    std::vector<WriteResult> finishedWrites();
    /// Waits for the write in flight, then as finishedWrites().
    std::vector<WriteResult> finishWrites();

    /// Runs `write` (which writes `path` and returns an empty string or the message; it must
    /// touch no VTK object) on the worker thread, once the previous write is finished.
    void queueWrite(std::function<std::string()> write, const std::string& path);

private:
    void collect(); ///< waits for the write in flight and files its result

    vtkSmartPointer<vtkRenderWindow> m_windows[2];
    vtkSmartPointer<vtkRenderer> m_kept;
    int m_tag = 0;
    std::optional<int> m_writingTag;
    std::future<WriteResult> m_writing;
    std::vector<WriteResult> m_finished;
};

/// Renders `renderer` off screen into `path` (PNG, JPEG; SVG and PDF through exportVector). Returns
/// an empty string on success, else the message. The renderer must not belong to another render
/// window meanwhile. `prepare`, if given, runs once the renderer has its window and size (to fit a
/// camera). With `windows`, a PNG or JPEG is rendered in one of theirs (kept afterwards; the
/// renderer's own resources are released) instead of a window of its own, and a PNG is written
/// in the background (ExportWindows::queueWrite): the returned string is then empty and the
/// write's outcome comes from `windows`. PNG files are written without row filters at zlib
/// level 3 (writePng in sceneexport.cpp).
[[nodiscard]] std::string exportImage(vtkRenderer* renderer, const std::string& path,
                                      const ImageExportOptions& options,
                                      const std::function<void()>& prepare = {},
                                      ExportTeardown teardown = ExportTeardown::Release,
                                      ExportWindows* windows = nullptr);

/// Told after each frame of an animation: (frames written, frames in all). Returning
/// false cancels the export.
using ExportProgress = std::function<bool(int done, int total)>;

/// The message exportAnimation returns when `progress` cancelled it.
extern const char* const kExportCancelled;

/// Writes frames 0..frames-1 of an animation: into a folder as frame_0000.png, ... when
/// `path` is a folder, as an Ogg Theora video when it ends in .ogv, or as a looping
/// animated GIF when it ends in .gif. `showFrame(k)` sets the renderer's content for frame
/// k. Frames are streamed: each is written as soon as it is rendered (memory is one frame
/// whatever their number), into a staging file or folder that becomes `path` only when
/// every frame is written, so a cancelled or failed export leaves nothing behind.
/// `transparent` works for GIF (1-bit alpha) and PNG frames, not for video.
/// Returns an empty string, kExportCancelled, or the message.
[[nodiscard]] std::string
exportAnimation(vtkRenderer* renderer, const std::string& path, const ImageExportOptions& options,
                int frames, double framesPerSecond, const std::function<void(int)>& showFrame,
                const std::function<void()>& prepare = {}, const ExportProgress& progress = {});

} // namespace gs
