# CPack: a Debian package of what `cmake --install` puts in place (app/CMakeLists.txt).
# Its Depends are the runtime packages dpkg-shlibdeps finds for the binary's libraries (never
# the -dev packages it was built with) plus what the program loads at run time (Qt's platform
# plugins). scripts/test-package builds it and checks it; docs/install.md.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gradscape)
set(CPACK_PACKAGE_VENDOR "the gradscape authors")
set(CPACK_PACKAGE_CONTACT "the gradscape authors <gradscape@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "explore the calculus of machine learning: surfaces, exact derivatives, optimizers")
set(CPACK_PACKAGE_DESCRIPTION
    "gradscape draws a function as a surface with its exact gradient, Hessian, tangent plane \
and quadratic Taylor model at a point, and runs optimizers on it. A window for lectures and a \
command line for scripts (JSON, PNG/JPEG figures, animations).")
# The licence (MIT, LICENSE). A .deb carries it as /usr/share/doc/gradscape/copyright, which
# `cmake --install` puts in place (app/CMakeLists.txt); other generators read this file.
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded with dlopen, so dpkg-shlibdeps cannot see them: Qt's xcb platform plugin (the
# window), Mesa's software GL driver (rendering without a GPU, --export under xvfb-run).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xvfb, xauth")
include(CPack)
