/// The built-in themes, by name. Their source is `Theme/BuiltIn/NAME.toml`: SwiftPM compiles each file's
/// bytes into the binary (`embedInCode` in Package.swift, as `PackageResources.NAME_toml`), so the binary
/// works when copied alone and there is no generated copy to keep in step. A new theme file needs a row here;
/// a test checks that the rows and the files agree.
enum BuiltInThemeSources {
    static let all: [(name: String, text: String)] = [
        ("default", PackageResources.default_toml),
        ("high-contrast", PackageResources.high_contrast_toml),
        ("light", PackageResources.light_toml),
        ("monochrome", PackageResources.monochrome_toml),
        ("solarized-dark", PackageResources.solarized_dark_toml),
    ].map { (name: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }
}
