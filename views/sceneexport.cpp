#include "sceneexport.h"

#include <X11/Xlib.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unistd.h>
#include <vtkImageWriter.h>
#include <vtkJPEGWriter.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

namespace gs {

namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

std::string validateImageExport(const std::string& path, const ImageExportOptions& o) {
    const std::string ext = extensionOf(path);
    if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
        return "'" + path + "': the file name must end in .png, .jpg or .jpeg";
    if (o.transparent && ext != ".png")
        return "a transparent background needs PNG; JPEG has no alpha channel";
    if (o.width < 16 || o.height < 16 || o.width > kMaxExportSide || o.height > kMaxExportSide)
        return "image size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
               " is out of range (16 to " + std::to_string(kMaxExportSide) + " pixels a side)";
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

bool displayAvailable() {
    Display* d = XOpenDisplay(nullptr);
    if (!d)
        return false;
    XCloseDisplay(d);
    return true;
}

std::string exportImage(vtkRenderer* renderer, const std::string& path, const ImageExportOptions& o,
                        const std::function<void()>& prepare, ExportTeardown teardown) {
    if (std::string problem = validateImageExport(path, o); !problem.empty())
        return problem;
    if (!displayAvailable())
        return "no X display to render with (DISPLAY is not set or unreachable); run under "
               "xvfb-run -a";
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    // Smooth lines for slides: FXAA costs one cheap pass, where 8x MSAA on the software
    // renderer cost a quarter of a command-line export.
    window->SetMultiSamples(0);
    const bool fxaa = renderer->GetUseFXAA();
    renderer->UseFXAAOn();
    window->SetAlphaBitPlanes(o.transparent ? 1 : 0);
    window->SetSize(o.width, o.height);
    const double alpha = renderer->GetBackgroundAlpha();
    renderer->SetBackgroundAlpha(o.transparent ? 0.0 : 1.0);
    window->AddRenderer(renderer);
    if (prepare)
        prepare();
    window->Render();

    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGBA();
    if (!o.transparent)
        grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->Update();

    vtkSmartPointer<vtkImageWriter> writer;
    if (extensionOf(path) == ".png") {
        auto png = vtkSmartPointer<vtkPNGWriter>::New();
        png->SetCompressionLevel(3); // files within 10% of level 5, written in half the time
        writer = png;
    } else
        writer = vtkSmartPointer<vtkJPEGWriter>::New();
    writer->SetFileName(path.c_str());
    writer->SetInputConnection(grab->GetOutputPort());
    writer->Write();
    const unsigned long error = writer->GetErrorCode();
    if (teardown == ExportTeardown::ProcessExits) {
        window->Register(nullptr); // deliberately never released: the process ends now
        return error != 0 ? "could not write '" + path + "'" : std::string();
    }

    window->RemoveRenderer(renderer);
    renderer->SetBackgroundAlpha(alpha);
    renderer->SetUseFXAA(fxaa);
    renderer->SetRenderWindow(nullptr);
    if (error != 0)
        return "could not write '" + path + "'";
    return {};
}

} // namespace gs
