#include "sceneactors.h"

#include "vectorexport.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <string>

#include <vtkActor.h>
#include <vtkArrowSource.h>
#include <vtkBox.h>
#include <vtkCallbackCommand.h>
#include <vtkClipPolyData.h>
#include <vtkCullerCollection.h>
#include <vtkGlyph3D.h>
#include <vtkGlyphSource2D.h>
#include <vtkImplicitFunction.h>
#include <vtkMergePoints.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkShaderProperty.h>
#include <vtkSphereSource.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTransform.h>
#include <vtkTransformPolyDataFilter.h>

#include <cmath>

namespace gs {

vtkSmartPointer<vtkRenderer> makeSceneRenderer() {
    auto renderer = vtkSmartPointer<vtkRenderer>::New();
    renderer->GetCullers()->RemoveAllItems();
    return renderer;
}

vtkSmartPointer<vtkActor> makeActor(vtkAlgorithmOutput* input, vtkPolyData* data) {
    auto mapper = vtkSmartPointer<vtkPolyDataMapper>::New();
    if (input)
        mapper->SetInputConnection(input);
    else
        mapper->SetInputData(data);
    mapper->ScalarVisibilityOff();
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    return actor;
}

void drawOnTop(vtkActor* actor, double share) {
    markDrawnOnTop(actor); // and in a vector figure: painted after the scene, never hidden
    // Inserted after the tag, so it follows whatever depth VTK itself writes there.
    actor->GetShaderProperty()->AddFragmentShaderReplacement(
        "//VTK::Depth::Impl", true,
        "//VTK::Depth::Impl\n  gl_FragDepth = " + std::to_string(share) + " * gl_FragCoord.z;\n",
        false);
}

void drawOverScene(vtkActor* actor, bool over) {
    if (isDrawnOverScene(actor) == over)
        return;                      // the shader is rebuilt only when this changes
    markDrawnOverScene(actor, over); // and in a vector figure: hidden by nothing, over the rest
    vtkShaderProperty* shader = actor->GetShaderProperty();
    shader->ClearAllFragmentShaderReplacements();
    if (over)
        shader->AddFragmentShaderReplacement(
            "//VTK::Depth::Impl", true,
            "//VTK::Depth::Impl\n  gl_FragDepth = " + std::to_string(kOverSceneDepth) + " + " +
                std::to_string(kOverSceneDepth) + " * gl_FragCoord.z;\n",
            false);
}

FitTextWidth::FitTextWidth(vtkTextActor* text, vtkRenderer* renderer, double fraction)
    : m_text(text)
    , m_renderer(renderer)
    , m_fraction(fraction)
    , m_callback(vtkSmartPointer<vtkCallbackCommand>::New()) {
    m_callback->SetClientData(this);
    m_callback->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
        static_cast<FitTextWidth*>(self)->fit();
    });
    m_observer = m_renderer->AddObserver(vtkCommand::StartEvent, m_callback);
}

FitTextWidth::~FitTextWidth() {
    m_renderer->RemoveObserver(m_observer);
}

void FitTextWidth::setFontSize(int wanted) {
    m_wanted = wanted;
    m_text->GetTextProperty()->SetFontSize(wanted);
}

void FitTextWidth::fit() {
    const int* size = m_renderer->GetSize();
    const char* input = m_text->GetInput();
    if (!size || size[0] <= 0 || !input || !*input)
        return;
    vtkTextProperty* p = m_text->GetTextProperty();
    if (p->GetFontSize() != m_wanted)
        p->SetFontSize(m_wanted);
    double box[4]; // display pixels: xmin, xmax, ymin, ymax
    m_text->GetBoundingBox(m_renderer, box);
    const double width = box[1] - box[0], room = m_fraction * size[0];
    if (width > room && width > 0) // the text's width is in proportion to its font size
        p->SetFontSize(std::max(6, int(std::floor(m_wanted * room / width))));
}

namespace {
/// One face of a box as a linear implicit function: positive outside it, the signed distance
/// to its plane (face 0: x >= xmin, 1: x <= xmax, 2: y >= ymin, ... 5: z <= zmax). It reads
/// the box's bounds when evaluated: a clip marked modified after the box changed follows it.
class BoxFace : public vtkImplicitFunction {
public:
    static BoxFace* New();
    void set(vtkBox* box, int face) {
        m_box = box;
        m_face = face;
        Modified();
    }
    using vtkImplicitFunction::EvaluateFunction;
    double EvaluateFunction(double x[3]) override {
        double b[6];
        m_box->GetBounds(b);
        const int axis = m_face / 2;
        return m_face % 2 == 0 ? b[m_face] - x[axis] : x[axis] - b[m_face];
    }
    void EvaluateGradient(double*, double g[3]) override {
        g[0] = g[1] = g[2] = 0;
        g[m_face / 2] = m_face % 2 == 0 ? -1 : 1;
    }

private:
    vtkSmartPointer<vtkBox> m_box; // held, as a clip holds its function
    int m_face = 0;

    // Last: it takes no ';' (-Wpedantic) and ends in public:.
    vtkTypeMacro(BoxFace, vtkImplicitFunction)
};
vtkStandardNewMacro(BoxFace);
} // namespace

ClippedActor::ClippedActor(vtkBox* box) {
    for (int k = 0; k < 6; ++k) {
        vtkNew<BoxFace> face;
        face->set(box, k);
        m_faces[std::size_t(k)] = vtkSmartPointer<vtkClipPolyData>::New();
        m_merge[std::size_t(k)] = vtkSmartPointer<vtkMergePoints>::New();
        vtkClipPolyData* c = m_faces[std::size_t(k)];
        c->SetClipFunction(face);
        c->InsideOutOn(); // keep what is inside the face (the function's value below 0)
        c->SetLocator(m_merge[std::size_t(k)]);
        if (k > 0)
            c->SetInputConnection(m_faces[std::size_t(k - 1)]->GetOutputPort());
    }
    clip = m_faces[0];
    clip->SetInputData(vtkSmartPointer<vtkPolyData>::New());
    actor = makeActor(m_faces[5]->GetOutputPort());
}

void ClippedActor::setInput(vtkPolyData* data) {
    // vtkClipPolyData gives its point-merging locator no size estimate, so the locator keeps
    // its default 50³ buckets: a 1 MB table made and walked to free it at every clip, three
    // clips per drag move (a tenth of the move's own work by perf). Size it as VTK's automatic
    // rule would: d = ⌈(n / 3)^(1/3)⌉ buckets per axis, 3 points a bucket. Which points merge
    // (exactly equal ones) and their order do not depend on the buckets: same output.
    const double n = data ? double(data->GetNumberOfPoints()) : 0.0;
    const int d = std::clamp(int(std::ceil(std::cbrt(n / kPointsPerBucket))), 1, 50);
    for (auto& merge : m_merge)
        merge->SetDivisions(d, d, d);
    clip->SetInputData(data);
}

vtkPolyData* ClippedActor::input() const {
    return vtkPolyData::SafeDownCast(clip->GetInput());
}

vtkPolyData* ClippedActor::output() const {
    m_faces[5]->Update();
    return m_faces[5]->GetOutput();
}

Ball::Ball(const Rgb& color)
    : transform(vtkSmartPointer<vtkTransform>::New())
    , filter(vtkSmartPointer<vtkTransformPolyDataFilter>::New()) {
    vtkNew<vtkSphereSource> sphere; // unit diameter
    sphere->SetThetaResolution(24);
    sphere->SetPhiResolution(16);
    filter->SetInputConnection(sphere->GetOutputPort());
    filter->SetTransform(transform);
    actor = makeActor(filter->GetOutputPort());
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
    actor->GetProperty()->SetSpecular(0.4);
    markPaintedWhole(actor); // a vector figure paints it as one, not facet by facet
}

void Ball::place(const double at[3], double diameter) {
    transform->Identity();
    transform->Translate(at);
    transform->Scale(diameter, diameter, diameter);
    filter->Modified();
}

Disc::Disc(const Rgb& color)
    : points(vtkSmartPointer<vtkPoints>::New())
    , glyph(vtkSmartPointer<vtkGlyph3D>::New()) {
    vtkNew<vtkGlyphSource2D> disc;
    disc->SetGlyphTypeToCircle();
    disc->SetFilled(true);
    disc->SetResolution(24);
    vtkNew<vtkPolyData> data;
    data->SetPoints(points);
    glyph->SetInputData(data);
    glyph->SetSourceConnection(disc->GetOutputPort());
    glyph->SetScaleModeToDataScalingOff();
    actor = makeActor(glyph->GetOutputPort());
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
}

void Disc::place(const std::optional<Eigen::Vector3d>& at, double size) {
    points->Reset();
    if (at)
        points->InsertNextPoint(at->x(), at->y(), at->z());
    points->Modified();
    glyph->SetScaleFactor(size);
}

Arrow::Arrow(const Rgb& color)
    : transform(vtkSmartPointer<vtkTransform>::New())
    , filter(vtkSmartPointer<vtkTransformPolyDataFilter>::New()) {
    source = vtkSmartPointer<vtkArrowSource>::New(); // unit length along +x
    source->SetTipResolution(24);
    source->SetShaftResolution(12);
    source->SetTipLength(0.25);
    source->SetTipRadius(0.08);
    source->SetShaftRadius(0.025);
    filter->SetInputConnection(source->GetOutputPort());
    filter->SetTransform(transform);
    actor = makeActor(filter->GetOutputPort());
    actor->GetProperty()->SetColor(color[0], color[1], color[2]);
}

void Arrow::setThickness(double shaftRadius, double tipRadius, double tipLength, double length) {
    if (!(length > 0))
        return;
    // The source is one unit long: its proportions are these sizes over the length (within
    // vtkArrowSource's limits; a tip longer than the arrow is all tip).
    source->SetShaftRadius(std::clamp(shaftRadius / length, 0.0, 5.0));
    source->SetTipRadius(std::clamp(tipRadius / length, 0.0, 10.0));
    source->SetTipLength(std::clamp(tipLength / length, 0.0, 1.0));
}

void Arrow::place(const Eigen::Vector3d& origin, const Eigen::Vector3d& direction, double length) {
    // Columns: the unit arrow's x along u, its cross-section in the plane of v and w.
    const Eigen::Vector3d u = direction.normalized();
    const Eigen::Vector3d helper =
        std::abs(u.z()) < 0.9 ? Eigen::Vector3d::UnitZ() : Eigen::Vector3d::UnitX();
    const Eigen::Vector3d v = u.cross(helper).normalized(), w = u.cross(v);
    double m[16] = {u.x() * length,
                    v.x() * length,
                    w.x() * length,
                    origin.x(),
                    u.y() * length,
                    v.y() * length,
                    w.y() * length,
                    origin.y(),
                    u.z() * length,
                    v.z() * length,
                    w.z() * length,
                    origin.z(),
                    0,
                    0,
                    0,
                    1};
    transform->SetMatrix(m);
    filter->Modified();
}

} // namespace gs
