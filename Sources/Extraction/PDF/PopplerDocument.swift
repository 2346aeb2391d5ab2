import CPoppler
import Foundation

/// A PDF opened with poppler-glib (through `PopplerLibrary`, bound at run time). Owns its
/// `PopplerDocument` (unref'd in `deinit`); every page, string, rectangle array and error
/// it touches is released before the call that touched it returns. Not thread-safe
/// (poppler isn't): one instance per thread.
final class PopplerDocument {
    enum OpenError: Error, Equatable {
        case encrypted
        case damaged(String)
    }

    private let document: OpaquePointer
    private let api: CooplexPopplerAPI
    /// Keeps the functions `api` points to loaded (they never unload, but say so).
    private let library: PopplerLibrary

    /// Opens a PDF from memory. The bytes are copied into a `GBytes` that poppler keeps.
    init(data: Data, library: PopplerLibrary, password: String? = nil) throws(OpenError) {
        self.library = library
        let api = library.api
        self.api = api
        let bytes: OpaquePointer? = data.withUnsafeBytes { raw in
            api.g_bytes_new(raw.baseAddress, gsize(raw.count))
        }
        guard let bytes else { throw .damaged("mémoire insuffisante") }
        defer { api.g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>? = nil
        let opened: OpaquePointer?
        if let password {
            opened = api.poppler_document_new_from_bytes(bytes, password, &error)
        } else {
            opened = api.poppler_document_new_from_bytes(bytes, nil, &error)
        }
        if let opened {
            if let error { api.g_error_free(error) }
            document = opened
            return
        }
        var code: Int32 = -1
        var domainIsPoppler = false
        var message = ""
        if let error {
            code = error.pointee.code
            domainIsPoppler = error.pointee.domain == api.poppler_error_quark()
            if let m = error.pointee.message { message = String(cString: m) }
            api.g_error_free(error)
        }
        if domainIsPoppler && code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encrypted }
        if message.localizedCaseInsensitiveContains("encrypted") { throw .encrypted }
        throw .damaged(PopplerDocument.frenchReason(code: code, domainIsPoppler: domainIsPoppler))
    }

    deinit {
        api.g_object_unref(UnsafeMutableRawPointer(document))
    }

    private static func frenchReason(code: Int32, domainIsPoppler: Bool) -> String {
        guard domainIsPoppler else { return "PDF illisible" }
        switch code {
        case Int32(POPPLER_ERROR_DAMAGED.rawValue):
            return "PDF tronqué ou corrompu : structure illisible"
        case Int32(POPPLER_ERROR_BAD_CATALOG.rawValue):
            return "PDF corrompu : catalogue des pages illisible"
        default:
            return "PDF illisible (erreur poppler \(code))"
        }
    }

    var pageCount: Int { Int(api.poppler_document_get_n_pages(document)) }

    var metadata: PDFMetadata {
        var meta = PDFMetadata(pageCount: pageCount)
        meta.title = take(api.poppler_document_get_title(document))
        meta.author = take(api.poppler_document_get_author(document))
        meta.subject = take(api.poppler_document_get_subject(document))
        meta.keywords = take(api.poppler_document_get_keywords(document))
        meta.creator = take(api.poppler_document_get_creator(document))
        meta.producer = take(api.poppler_document_get_producer(document))
        if let date = api.poppler_document_get_creation_date_time(document) {
            meta.creationDay = take(api.g_date_time_format(date, "%Y-%m-%d"))
            meta.creationDateTime = take(api.g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z"))
            api.g_date_time_unref(date)
        }
        return meta
    }

    /// Takes ownership of a `gchar*`: copies it into a String (nil when empty) and frees it.
    private func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { api.g_free(pointer) }
        let s = String(cString: pointer)
        return s.isEmpty ? nil : s
    }

    /// The text and glyph boxes of page `index` (0-based), or nil when poppler cannot load
    /// the page.
    func glyphs(ofPage index: Int) -> PageGlyphs? {
        guard let page = api.poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { api.g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        api.poppler_page_get_size(page, &width, &height)
        guard let text = api.poppler_page_get_text(page) else {
            return PageGlyphs(utf8: [], boxes: [], width: width, height: height)
        }
        defer { api.g_free(text) }
        let length = strlen(text)
        let utf8 = [UInt8](UnsafeRawBufferPointer(start: text, count: length))
        var rectangles: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        var boxes: [PageGlyphs.Box] = []
        if api.poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
            defer { api.g_free(rectangles) }
            boxes.reserveCapacity(Int(count))
            for k in 0..<Int(count) {
                let r = rectangles[k]
                boxes.append(.init(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
            }
        } else if let rectangles {
            api.g_free(rectangles)
        }
        return PageGlyphs(utf8: utf8, boxes: boxes, width: width, height: height)
    }
}
