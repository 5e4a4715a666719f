#pragma once
// VTK's composite 2-D actors (axes of the flat views, colour bar, legend) keep their parts in
// non-public members with no accessor. Their parts are reached through the one
// standard-conforming way to name such a member: an explicit template instantiation, where
// access is not checked ([temp.spec.general]/6). Debian 12's VTK 9.1 is the only VTK built
// against; a rename there fails to compile, never silently.
//
// In a .cpp, inside `namespace gs { namespace {`:
//     GS_MEMBER(AxisTitle2D, vtkAxisActor, vtkTextActor*, TitleActor2D)
//     vtkTextActor* title = axis->*member(AxisTitle2D{});

namespace gs {
namespace { // NOLINT(google-build-namespaces): each file's tags are its own

template <typename Tag, typename Tag::type Member> struct MemberOf {
    friend typename Tag::type member(Tag) { return Member; }
};

} // namespace
} // namespace gs

#define GS_MEMBER(Tag, Class, Type, Field)                                                         \
    struct Tag {                                                                                   \
        using type = Type Class::*;                                                                \
        friend type member(Tag);                                                                   \
    };                                                                                             \
    template struct MemberOf<Tag, &Class::Field>;
