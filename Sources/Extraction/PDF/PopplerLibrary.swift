import CPoppler
import Foundation

/// poppler-glib, loaded the first time a PDF is opened.
///
/// The executable does not link poppler-glib (it would pull cairo, NSS, X11… into every
/// start of `cooplex`, ≈ 10 ms, even for `--version`): this type `dlopen`s the library by
/// its soname and binds the functions Cooplex calls (`CooplexPopplerAPI` in
/// `Sources/CPoppler/shim.h`, whose fields have the C functions' own types). Only
/// `PopplerDocument` uses it; no C pointer leaves the PDF layer.
///
/// The library stays loaded until the process exits (GLib registers types and threads
/// that cannot be unloaded). `COOPLEX_POPPLER_LIBRARY` names another file to load
/// (tests use a missing path to check the error).
final class PopplerLibrary: Sendable {
    /// The sonames tried, in order (Debian 12 ships libpoppler-glib.so.8).
    static let sonames = ["libpoppler-glib.so.8", "libpoppler-glib.so"]

    /// Why poppler-glib could not be used: which file, and a French one-line reason that
    /// names it.
    struct LoadError: Error, Sendable, Equatable {
        var library: String
        var reason: String
    }

    /// The process-wide library, loaded on first use (thread-safe: a `static let`).
    static let shared: Result<PopplerLibrary, LoadError> = {
        let custom = ProcessInfo.processInfo.environment["COOPLEX_POPPLER_LIBRARY"]
        let candidates = custom.map { [$0] } ?? sonames
        var failure = LoadError(library: candidates[0], reason: "\(candidates[0]) introuvable")
        for name in candidates {
            switch load(name) {
            case .success(let library): return .success(library)
            case .failure(let error):
                // Report the first candidate's error (the soname that should be there).
                if name == candidates[0] { failure = error }
            }
        }
        return .failure(failure)
    }()

    /// The bound functions (every field non-null).
    let api: CooplexPopplerAPI

    private init(api: CooplexPopplerAPI) { self.api = api }

    /// Opens `name` (a soname or a path) and binds every function, or says why not.
    static func load(_ name: String) -> Result<PopplerLibrary, LoadError> {
        _ = dlerror()
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            let message = lastLoaderError() ?? ""
            // "NAME: cannot open shared object file: No such file or directory"; a missing
            // dependency of poppler's is named in the same words: keep that message whole.
            let missing = message.isEmpty || (message.hasPrefix(name + ":") && message.contains("No such file"))
            let reason = missing ? "\(name) introuvable" : message
            return .failure(LoadError(library: name, reason: reason))
        }
        // The table is written by C before Swift reads it: allocate it uninitialized.
        let table = UnsafeMutablePointer<CooplexPopplerAPI>.allocate(capacity: 1)
        defer { table.deallocate() }
        if let missing = cooplex_poppler_bind(handle, table) {
            let symbol = String(cString: missing)
            dlclose(handle)
            return .failure(LoadError(library: name, reason: "\(name) : fonction \(symbol) absente"))
        }
        return .success(PopplerLibrary(api: table.move()))
    }

    /// `dlerror()` on one line (it names the file and the cause, e.g. "No such file").
    private static func lastLoaderError() -> String? {
        guard let message = dlerror() else { return nil }
        let text = String(cString: message)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
