#include "sceneexport.h"

#include "gifwriter.h"
#include "vectorexport.h"

#include <X11/Xlib.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <png.h>
#include <unistd.h>
#include <utility>
#include <vtkErrorCode.h>
#include <vtkImageData.h>
#include <vtkImageWriter.h>
#include <vtkJPEGWriter.h>
#include <vtkNew.h>
#include <vtkOggTheoraWriter.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>
#include <vtkTrivialProducer.h>
#include <vtkWindowToImageFilter.h>

namespace gs {

namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

const char* kNoDisplay =
    "no X display to render with (DISPLAY is not set or unreachable); run under xvfb-run -a";

// An off-screen window as every export makes it (before its size).
void setUpOffscreen(vtkRenderWindow* window, bool transparent) {
    window->SetOffScreenRendering(1);
    // Smooth lines for slides: FXAA costs one cheap pass, where 8x MSAA on the software
    // renderer cost a quarter of a command-line export.
    window->SetMultiSamples(0);
    window->SetAlphaBitPlanes(transparent ? 1 : 0);
}

// A renderer borrowed into an off-screen window of the export's size (its own, or one of a
// batch's ExportWindows), with its settings restored when it is given back.
class OffscreenTarget {
public:
    OffscreenTarget(vtkRenderer* renderer, const ImageExportOptions& o,
                    ExportWindows* windows = nullptr)
        : m_renderer(renderer)
        , m_fxaa(renderer->GetUseFXAA())
        , m_alpha(renderer->GetBackgroundAlpha())
        , m_window(windows ? vtkSmartPointer<vtkRenderWindow>(windows->window(o.transparent))
                           : vtkSmartPointer<vtkRenderWindow>::New())
        , m_kept(windows && windows->keeps(renderer)) {
        if (!windows)
            setUpOffscreen(m_window, o.transparent);
        m_window->SetSize(o.width, o.height);
        // A transparent picture is matted from two opaque renders (renderFrame), which FXAA
        // would smooth differently against each background.
        renderer->SetUseFXAA(!o.transparent);
        renderer->SetBackgroundAlpha(1.0);
        if (windows)
            windows->enter(renderer, m_window);
        else
            m_window->AddRenderer(renderer);
        m_grab->SetInput(m_window);
        m_grab->SetInputBufferTypeToRGB();
        m_grab->ReadFrontBufferOff();
        m_transparent = o.transparent;
        m_grab->ShouldRerenderOff(); // renderFrame() has just rendered: not twice (-50 ms)
    }
    ~OffscreenTarget() {
        if (m_kept)
            return;
        m_window->RemoveRenderer(m_renderer);
        m_renderer->SetBackgroundAlpha(m_alpha);
        m_renderer->SetUseFXAA(m_fxaa);
        m_renderer->SetRenderWindow(nullptr);
    }
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    /// Renders the picture; its image is output 0 of what is returned (RGB, or RGBA for a
    /// transparent background).
    // A kept renderer (ExportWindows::keepRenderer) keeps its export's settings too: the next
    // export sets them again.
    vtkAlgorithm* renderFrame() {
        if (m_transparent)
            return matte();
        grab();
        return m_grab;
    }
    /// The image renderFrame() made.
    static vtkImageData* imageOf(vtkAlgorithm* picture) {
        return vtkImageData::SafeDownCast(picture->GetOutputDataObject(0));
    }
    /// Keeps the window and its GL resources: the process is about to end.
    void keepForExit() {
        m_kept = true;
        m_window->Register(nullptr);
    }

private:
    void grab() {
        m_window->Render();
        m_grab->Modified();
        m_grab->Update();
    }
    /// A transparent background by difference matting: the scene over black (B) and over
    /// white (W), each pixel drawn with coverage a over background c gives
    /// B = a·p and W = a·p + (1 − a), so a = 1 − (W − B) and p = B / a.
    /// OpenGL's own alpha channel (alpha bit planes) left text and lines at a quarter of
    /// their opacity (blending and FXAA write it as they please), and a GIF dropped them.
    vtkAlgorithm* matte() {
        double was[3];
        m_renderer->GetBackground(was);
        std::vector<unsigned char> black;
        for (const double c : {0.0, 1.0}) {
            m_renderer->SetBackground(c, c, c);
            grab();
            vtkImageData* rgb = m_grab->GetOutput();
            const auto* p = static_cast<const unsigned char*>(rgb->GetScalarPointer());
            const std::size_t n = p ? std::size_t(rgb->GetNumberOfPoints()) : 0;
            if (c == 0.0) {
                black.assign(p, p + 3 * n);
                continue;
            }
            int dims[3];
            rgb->GetDimensions(dims);
            m_matted->SetDimensions(dims);
            m_matted->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
            auto* out = static_cast<unsigned char*>(m_matted->GetScalarPointer());
            for (std::size_t i = 0; i < n && black.size() == 3 * n; ++i) {
                int gap = 0; // W − B, the background showing through, per channel
                for (int k = 0; k < 3; ++k)
                    gap += int(p[3 * i + k]) - int(black[3 * i + k]);
                const int a = std::clamp(255 - (gap + 1) / 3, 0, 255);
                for (int k = 0; k < 3; ++k)
                    out[4 * i + k] = a == 0 ? 0
                                            : static_cast<unsigned char>(std::min(
                                                  255, (int(black[3 * i + k]) * 255 + a / 2) / a));
                out[4 * i + 3] = static_cast<unsigned char>(a);
            }
        }
        m_renderer->SetBackground(was);
        m_producer->SetOutput(m_matted);
        return m_producer;
    }

    vtkRenderer* m_renderer;
    bool m_transparent = false;
    vtkNew<vtkImageData> m_matted;
    vtkNew<vtkTrivialProducer> m_producer;
    bool m_fxaa;
    double m_alpha;
    vtkSmartPointer<vtkRenderWindow> m_window;
    bool m_kept; ///< stays in the window (keepForExit, ExportWindows::keepRenderer)
    vtkNew<vtkWindowToImageFilter> m_grab;
};

} // namespace

std::string validateOutputPath(const std::string& path) {
    std::filesystem::path folder = std::filesystem::path(path).parent_path();
    if (folder.empty())
        folder = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return "cannot write '" + path + "': the folder '" + folder.string() + "' does not exist";
    if (::access(folder.c_str(), W_OK) != 0)
        return "cannot write '" + path + "': the folder '" + folder.string() + "' is not writable";
    if (std::filesystem::is_directory(path, ec))
        return "cannot write '" + path + "': it is a folder";
    return {};
}

std::string validateImageExport(const std::string& path, const ImageExportOptions& o) {
    const std::string ext = extensionOf(path);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".svg" && ext != ".pdf")
        return "'" + path + "': the file name must end in " + kImageFormats;
    if (o.transparent && (ext == ".jpg" || ext == ".jpeg"))
        return "a transparent background needs PNG, SVG or PDF; JPEG has no alpha channel";
    if (!options::imageSide.accepts(o.width) || !options::imageSide.accepts(o.height))
        return "image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
               " is out of range (" + options::imageSide.requirement() + " pixels a side)";
    return validateOutputPath(path);
}

bool displayAvailable() {
    // The probe's connection stays open for the life of the process: an X server without
    // -noreset (Xvfb's default) resets when its last client leaves, and a render window
    // connecting during that reset is refused ("bad X server connection") and VTK aborts.
    // Closing the probe right before VTK connects made that happen in about one case in five
    // (docs/platform.md).
    static Display* const probe = XOpenDisplay(nullptr);
    return probe != nullptr;
}

ExportWindows::ExportWindows() = default;

void ExportWindows::keepRenderer(vtkRenderer* renderer) {
    m_kept = renderer;
}

bool ExportWindows::keeps(const vtkRenderer* renderer) const {
    return renderer && renderer == m_kept.Get();
}

void ExportWindows::enter(vtkRenderer* renderer, vtkRenderWindow* window) {
    for (vtkRenderWindow* w : m_windows) {
        if (!w)
            continue;
        std::vector<vtkSmartPointer<vtkRenderer>> leaving; // alive until released
        vtkRendererCollection* inside = w->GetRenderers();
        inside->InitTraversal();
        while (vtkRenderer* r = inside->GetNextItem())
            if (r != renderer || w != window) // else its resources stay uploaded
                leaving.push_back(r);
        if (leaving.empty())
            continue;
        // Released with their own window's context current (the other window's may be).
        w->MakeCurrent();
        for (vtkRenderer* r : leaving) {
            w->RemoveRenderer(r);
            r->SetRenderWindow(nullptr);
        }
    }
    if (!window->HasRenderer(renderer))
        window->AddRenderer(renderer);
}

ExportWindows::~ExportWindows() {
    collect();
}

vtkRenderWindow* ExportWindows::window(bool transparent) {
    auto& w = m_windows[transparent ? 1 : 0];
    if (!w) {
        w = vtkSmartPointer<vtkRenderWindow>::New();
        setUpOffscreen(w, transparent);
    }
    return w;
}

namespace {

/// What a failed write says after "could not write 'path'".
std::string writeFailure(int error) {
    return error == ENOSPC || error == EFBIG || error == EDQUOT
               ? " (the disk is full or the file is over a size limit)"
               : std::string();
}

// A PNG of `pixels` (rows bottom to top, as OpenGL and vtkImageData keep them; 3 or 4
// channels) into `file`. No row filters, zlib level 3: these pictures are mostly flat
// background and thin lines, where libpng's adaptive filters (vtkPNGWriter's) make the file
// larger and take twice the time. Measured on the book's figure at 800x600: 9.0 ms and 80.6 KB
// against 17.3 ms and 109 KB. Touches no VTK object, so it may run on a worker thread.
// Returns an empty string or what went wrong (after "could not write 'path'").
std::string writePng(const std::vector<unsigned char>& pixels, int width, int height, int channels,
                     const std::string& file) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f)
        return std::string(" (") + std::strerror(errno) + ")";
    std::vector<png_bytep> rows(static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) // the picture's top row first
        rows[std::size_t(y)] = const_cast<png_bytep>(pixels.data()) +
                               std::size_t(height - 1 - y) * std::size_t(width) * channels;
    // libpng reports errors by longjmp to png_jmpbuf: nothing with a destructor is made
    // between setjmp and the end of the writing.
    const auto onError = [](png_structp png, png_const_charp) { png_longjmp(png, 1); };
    const auto onWarning = [](png_structp, png_const_charp) {};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, onError, onWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    volatile bool written = false;
    if (png && info && setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, f);
        png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8,
                     channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_set_compression_level(png, 3);
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
        png_write_info(png, info);
        png_write_image(png, rows.data());
        png_write_end(png, info);
        written = true;
    }
    png_destroy_write_struct(&png, &info);
    const int error = std::ferror(f) ? errno : 0;
    const bool closed = std::fclose(f) == 0;
    if (written && closed && error == 0)
        return {};
    return writeFailure(error ? error : errno);
}

// Writes into `staged` by `write` (an empty string or what went wrong) and renames that onto
// `path`: a write that fails (a full disk, a file-size limit) leaves a file already at `path`
// as it was.
std::string writeStaged(const std::function<std::string()>& write, const std::string& staged,
                        const std::string& path) {
    std::error_code ec;
    if (const std::string problem = write(); !problem.empty()) {
        std::filesystem::remove(staged, ec);
        return "could not write '" + path + "'" + problem;
    }
    std::filesystem::rename(staged, path, ec);
    if (ec) {
        std::filesystem::remove(staged, ec);
        return "could not write '" + path + "': " + ec.message();
    }
    return {};
}

// Runs a VTK image writer (JPEG) into `staged`: an empty string or what went wrong.
std::string runWriter(vtkImageWriter* writer, const std::string& staged) {
    writer->SetFileName(staged.c_str());
    writer->Write();
    const unsigned long code = writer->GetErrorCode();
    return code == vtkErrorCode::NoError ? std::string()
           : code == vtkErrorCode::OutOfDiskSpaceError
               ? std::string(" (the disk is full or the file is over a size limit)")
           : code == vtkErrorCode::CannotOpenFileError ? std::string(" (cannot open it)")
                                                       : std::string();
}

} // namespace

std::optional<int> ExportWindows::writing() const {
    return m_writingTag;
}

void ExportWindows::collect() {
    if (!m_writing.valid())
        return;
    m_finished.push_back(m_writing.get());
    m_writingTag.reset();
}

std::vector<ExportWindows::WriteResult> ExportWindows::finishedWrites() {
    if (m_writing.valid() &&
        m_writing.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        collect();
    return std::exchange(m_finished, {});
}

std::vector<ExportWindows::WriteResult> ExportWindows::finishWrites() {
    collect();
    return std::exchange(m_finished, {});
}

void ExportWindows::queueWrite(std::function<std::string()> write, const std::string& path) {
    collect();
    m_writingTag = m_tag;
    m_writing = std::async(
        std::launch::async, [write = std::move(write), path, tag = m_tag]() -> WriteResult {
            try {
                return {tag, path, write()};
            } catch (const std::exception& e) { // out of memory, say
                return {tag, path, "could not write '" + path + "': " + e.what()};
            }
        });
}

std::string exportImage(vtkRenderer* renderer, const std::string& path, const ImageExportOptions& o,
                        const std::function<void()>& prepare, ExportTeardown teardown,
                        ExportWindows* windows) {
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (isVectorPath(path))
        return exportVector(renderer, path, o, prepare);
    if (!displayAvailable())
        return kNoDisplay;
    OffscreenTarget target(renderer, o, windows);
    if (prepare)
        prepare();
    vtkAlgorithm* picture = target.renderFrame();
    const std::string staged = path + ".gradscape-" + std::to_string(::getpid()) + ".part";
    std::string error;
    if (extensionOf(path) == ".png") {
        // The picture's bytes, copied out of VTK: the next figure overwrites the grab's.
        vtkImageData* image = OffscreenTarget::imageOf(picture);
        int dims[3] = {0, 0, 0};
        image->GetDimensions(dims);
        const int channels = image->GetNumberOfScalarComponents();
        const auto* first = static_cast<const unsigned char*>(image->GetScalarPointer());
        if (!first || dims[0] != o.width || dims[1] != o.height)
            return "the renderer gave a " + std::to_string(dims[0]) + "x" +
                   std::to_string(dims[1]) + " picture for a " + std::to_string(o.width) + "x" +
                   std::to_string(o.height) + " export (out of graphics memory?)";
        std::vector<unsigned char> pixels(first, first + std::size_t(dims[0]) *
                                                             std::size_t(dims[1]) * channels);
        auto write = [pixels = std::move(pixels), w = dims[0], h = dims[1], channels, staged,
                      path] {
            return writeStaged([&] { return writePng(pixels, w, h, channels, staged); }, staged,
                               path);
        };
        if (windows) { // encoded on the worker while the next figure is drawn
            windows->queueWrite(std::move(write), path);
            return {};
        }
        error = write();
    } else {
        vtkNew<vtkJPEGWriter> jpeg;
        jpeg->SetInputConnection(picture->GetOutputPort());
        error = writeStaged([&] { return runWriter(jpeg, staged); }, staged, path);
    }
    if (teardown == ExportTeardown::ProcessExits && !windows)
        target.keepForExit();
    return error;
}

const char* const kExportCancelled = "export cancelled";

const char* const kImageFormats = ".png, .jpg, .jpeg, .svg or .pdf";

namespace {

// Where an animation is written until every frame is: a file or folder next to the target
// that becomes the target at the end, and is removed when the export fails or is cancelled.
class Staging {
public:
    Staging(const std::filesystem::path& target, bool folder)
        : m_target(target)
        , m_folder(folder) {
        const std::string tag = ".gradscape-" + std::to_string(::getpid());
        m_path = folder ? target / tag : std::filesystem::path(target.string() + tag + ".part");
    }
    ~Staging() {
        if (!m_committed) {
            std::error_code ec;
            std::filesystem::remove_all(m_path, ec);
        }
    }
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    /// Moves the result into place: the file onto the target, or each frame into the folder.
    std::string commit() {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (m_folder) {
            for (const fs::directory_entry& e : fs::directory_iterator(m_path, ec)) {
                fs::rename(e.path(), m_target / e.path().filename(), ec);
                if (ec)
                    return "could not move '" + e.path().string() + "' into '" + m_target.string() +
                           "': " + ec.message();
            }
            fs::remove_all(m_path, ec);
        } else {
            fs::rename(m_path, m_target, ec);
            if (ec)
                return "could not write '" + m_target.string() + "': " + ec.message();
        }
        m_committed = true;
        return {};
    }

private:
    std::filesystem::path m_target, m_path;
    bool m_folder;
    bool m_committed = false;
};

} // namespace

std::string exportAnimation(vtkRenderer* renderer, const std::string& path,
                            const ImageExportOptions& o, int frames, double fps,
                            const std::function<void(int)>& showFrame,
                            const std::function<void()>& prepare, const ExportProgress& progress) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool video = extensionOf(path) == ".ogv";
    const bool gif = extensionOf(path) == ".gif";
    if (!video && !gif && !fs::is_directory(path, ec))
        return "'" + path +
               "' is neither a folder (for PNG frames), a .ogv file (video) nor a "
               ".gif file (animated GIF)";
    ImageExportOptions check = o;
    check.transparent = false;
    // The folder and size checks of an image, on a stand-in .png name; a message names the
    // file the person asked for, never the stand-in.
    const std::string standIn = video || gif ? fs::path(path).replace_extension(".png").string()
                                             : (fs::path(path) / "f.png").string();
    if (std::string problem = validateImageExport(standIn, check); !problem.empty()) {
        for (std::size_t at = problem.find(standIn); at != std::string::npos;
             at = problem.find(standIn, at + path.size()))
            problem.replace(at, standIn.size(), path);
        return problem;
    }
    if (video && o.transparent)
        return "a transparent background needs a .gif or a folder of PNG frames; Ogg Theora "
               "video has no alpha channel";
    if (video && (o.width % 2 || o.height % 2))
        return "video frames need an even width and height";
    if (frames < 1)
        return "nothing to animate: add an optimizer run first";
    if (!(fps > 0) || !std::isfinite(fps))
        return "the frame rate must be a positive number";
    if (!displayAvailable())
        return kNoDisplay;

    Staging staging(path, !video && !gif);
    if (!video && !gif && !fs::create_directory(staging.path(), ec))
        return "could not write into '" + path + "': " + ec.message();
    const std::string staged = staging.path().string();
    OffscreenTarget target(renderer, o);
    if (prepare)
        prepare();
    vtkNew<vtkOggTheoraWriter> movie;
    vtkNew<vtkPNGWriter> png;
    png->SetCompressionLevel(3);
    GifStream gifFile;
    std::string error;
    if (gif)
        error = gifFile.open(staged, o.width, o.height,
                             std::max(2, static_cast<int>(std::lround(100 / fps))));
    bool movieStarted = false;
    try {
        for (int k = 0; k < frames && error.empty(); ++k) {
            showFrame(k);
            vtkAlgorithm* picture = target.renderFrame();
            vtkImageData* image = OffscreenTarget::imageOf(picture);
            int dims[3] = {0, 0, 0};
            image->GetDimensions(dims);
            const int channels = image->GetNumberOfScalarComponents();
            if (!image->GetScalarPointer() || dims[0] != o.width || dims[1] != o.height) {
                error = "the renderer gave a " + std::to_string(dims[0]) + "x" +
                        std::to_string(dims[1]) + " picture for a " + std::to_string(o.width) +
                        "x" + std::to_string(o.height) + " export (out of graphics memory?)";
                break;
            }
            if (video) {
                if (!movieStarted) {
                    movie->SetInputConnection(picture->GetOutputPort());
                    movie->SetFileName(staged.c_str());
                    movie->SetRate(std::max(1, static_cast<int>(std::lround(fps))));
                    movie->SetQuality(2);
                    movie->Start();
                    movieStarted = true;
                }
                movie->Write();
                if (movie->GetError())
                    error = "could not write the video '" + path + "'";
            } else if (gif) {
                error =
                    gifFile.addFrame(static_cast<const std::uint8_t*>(image->GetScalarPointer()),
                                     dims[0], dims[1], channels, true);
            } else {
                char name[32];
                std::snprintf(name, sizeof name, "frame_%04d.png", k);
                const std::string file = (staging.path() / name).string();
                png->SetInputConnection(picture->GetOutputPort());
                png->SetFileName(file.c_str());
                png->Write();
                if (png->GetErrorCode() != 0)
                    error = "could not write '" + (fs::path(path) / name).string() + "'";
            }
            if (error.empty() && progress && !progress(k + 1, frames))
                error = kExportCancelled;
        }
    } catch (const std::exception& e) { // out of memory, say: a message, not an abort
        error = "could not write '" + path + "': " + e.what();
    }
    if (movieStarted)
        movie->End();
    if (gif && error.empty())
        error = gifFile.finish();
    if (error.empty())
        error = staging.commit();
    // A message names the file the person asked for, never the staging file beside it.
    for (std::size_t at = error.find(staged); at != std::string::npos;
         at = error.find(staged, at + path.size()))
        error.replace(at, staged.size(), path);
    return error; // on error, the staging file or folder goes with `staging`
}

} // namespace gs
