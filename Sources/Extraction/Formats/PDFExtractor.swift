import Foundation

/// Reads PDFs with poppler-glib: every page's text in reading order (columns detected from
/// the glyph boxes, never interleaved), one `.page` block per page and `.paragraph` blocks
/// inside it, running headers and footers left out, line-end hyphenation repaired across
/// lines, columns and pages; metadata
/// (title, authors, subject, keywords, creation date, page count).
///
/// An encrypted PDF without password throws `ExtractionError.encrypted`; a PDF poppler
/// cannot open throws `ExtractionError.damaged`; a PDF without any text layer (a scan)
/// gives a document with the warning "aucune couche texte".
public struct PDFExtractor: Extractor {
    public static let formats: [DocumentFormat] = [.pdf]

    /// Repair line-end hyphenation (on by default).
    public var repairsHyphenation: Bool
    /// Reorder lines by column (on by default; off keeps poppler's order).
    public var detectsColumns: Bool
    /// Leave out running headers and footers (on by default; see `RunningLines`).
    public var removesRunningLines: Bool
    /// How many threads read the pages of one PDF, each with its own poppler document.
    /// `nil` (the default) chooses: `COOPLEX_PDF_WORKERS` when set, else the available cores,
    /// at most one per `pagesPerWorker` pages. A number is taken as asked (up to one per
    /// page); `1` reads every page on the calling thread: callers that already extract
    /// several files at once (the pipeline runner, `cooplex extract` with many files) ask
    /// for it. Never more than `maximumPageWorkers`. The text is the same whatever the count.
    public var pageWorkers: Int?

    public init(
        repairsHyphenation: Bool = true, detectsColumns: Bool = true, removesRunningLines: Bool = true,
        pageWorkers: Int? = nil
    ) {
        self.repairsHyphenation = repairsHyphenation
        self.detectsColumns = detectsColumns
        self.removesRunningLines = removesRunningLines
        self.pageWorkers = pageWorkers
    }

    public func extract(_ input: ExtractionInput) throws -> [Document] {
        let library: PopplerLibrary
        switch PopplerLibrary.shared {
        case .success(let loaded): library = loaded
        case .failure(let error): throw ExtractionError.pdfLibraryUnavailable(path: input.path, reason: error.reason)
        }
        let pdf: PopplerDocument
        do {
            pdf = try PopplerDocument(data: input.data, library: library)
        } catch .encrypted {
            throw ExtractionError.encrypted(path: input.path)
        } catch .damaged(let reason) {
            throw ExtractionError.damaged(path: input.path, reason: reason)
        }
        let metadata = pdf.metadata
        let pageCount = metadata.pageCount
        guard pageCount > 0 else {
            throw ExtractionError.damaged(path: input.path, reason: "PDF sans aucune page lisible")
        }

        // 1. Lines of every page, in reading order, normalized; running headers and footers
        // left out (they would cut the sentences, words and URLs that cross a page end).
        let pageResults = readPages(data: input.data, opened: pdf, library: library, pageCount: pageCount)
        let running = removesRunningLines ? RunningLines.find(in: pageResults.map { $0?.lines ?? [] }) : []
        var lines: [[UInt8]] = []
        var info: [LineInfo] = []
        lines.reserveCapacity(pageCount * 48)
        info.reserveCapacity(pageCount * 48)
        var unreadablePages: [Int] = []
        var pagesWithoutText: [Int] = []
        for (index, result) in pageResults.enumerated() {
            let pageNumber = index + 1
            guard let result else {
                unreadablePages.append(pageNumber)
                continue
            }
            if result.lines.isEmpty { pagesWithoutText.append(pageNumber) }
            let skipped = index < running.count ? running[index] : []
            var carriedParagraph = false
            for (k, bytes) in result.lines.enumerated() {
                if skipped.contains(k) {
                    carriedParagraph = carriedParagraph || result.startsParagraph[k]
                    continue
                }
                let startsParagraph = result.startsParagraph[k] || carriedParagraph
                carriedParagraph = false
                if startsParagraph, let last = info.last, last.page == pageNumber, !last.isBreak {
                    // An empty line marks a paragraph break for the dehyphenator.
                    lines.append([])
                    info.append(LineInfo(page: pageNumber, isBreak: true))
                }
                lines.append(bytes)
                info.append(LineInfo(page: pageNumber, isBreak: false))
            }
        }

        // 2. Hyphenation repair over the whole document (words split across pages too).
        var consumed = [Bool](repeating: false, count: lines.count)
        if repairsHyphenation { consumed = Dehyphenator().repair(lines: &lines) }

        // 3. Text and blocks.
        var text: [UInt8] = []
        text.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        var blocks: [Block] = []
        var pageStart = -1
        var currentPage = 0
        var paragraphStart = -1
        var pageBlocks: [Block] = []

        func closeParagraph() {
            if paragraphStart >= 0 && text.count > paragraphStart {
                pageBlocks.append(Block(kind: .paragraph, page: currentPage, start: paragraphStart, end: text.count))
            }
            paragraphStart = -1
        }
        func closePage() {
            closeParagraph()
            if pageStart >= 0 {
                blocks.append(Block(kind: .page, page: currentPage, start: pageStart, end: text.count))
                blocks.append(contentsOf: pageBlocks)
            }
            pageBlocks.removeAll()
            pageStart = -1
        }

        for (k, line) in lines.enumerated() {
            let lineInfo = info[k]
            if lineInfo.isBreak {
                closeParagraph()
                continue
            }
            if consumed[k] && line.isEmpty { continue }
            if line.isEmpty { continue }
            if lineInfo.page != currentPage {
                closePage()
                if !text.isEmpty { text.append(contentsOf: [0x0A, 0x0A]) }
                currentPage = lineInfo.page
                pageStart = text.count
            } else if paragraphStart < 0 {
                text.append(contentsOf: [0x0A, 0x0A])
            } else {
                text.append(0x0A)
            }
            if paragraphStart < 0 { paragraphStart = text.count }
            text.append(contentsOf: line)
        }
        closePage()

        // 4. Warnings.
        var warnings: [String] = []
        if text.isEmpty {
            warnings.append(
                "aucune couche texte : PDF sans texte extractible (document numérisé ?), une reconnaissance de caractères (OCR) serait nécessaire"
            )
        } else if !pagesWithoutText.isEmpty && pagesWithoutText.count < pageCount {
            warnings.append("aucune couche texte sur \(PDFExtractor.pageList(pagesWithoutText))")
        }
        if !unreadablePages.isEmpty {
            warnings.append("illisible par poppler : \(PDFExtractor.pageList(unreadablePages))")
        }
        if !PDFExtractor.hasEndMarker(input.data) {
            warnings.append("PDF tronqué (marqueur %%EOF absent) : le texte peut être incomplet")
        }

        var extra: [String: String] = [:]
        if let subject = metadata.subject { extra["subject"] = subject }
        if let keywords = metadata.keywords { extra["keywords"] = keywords }
        if let created = metadata.creationDateTime { extra["creationDate"] = created }
        if let creator = metadata.creator { extra["creator"] = creator }
        if let producer = metadata.producer { extra["producer"] = producer }

        let document = Document(
            id: input.contentHash, source: input.path, format: .pdf,
            title: metadata.usableTitle ?? pageResults.first.flatMap { $0.map(PDFExtractor.titleFromLayout) ?? nil },
            date: metadata.creationDay, authors: metadata.authors,
            pages: pageCount, text: String(decoding: text, as: UTF8.self), blocks: blocks,
            warnings: warnings, metadata: extra)
        return [document]
    }

    /// One page's lines in reading order, normalized, with paragraph starts.
    struct PageLines: Sendable {
        var lines: [[UInt8]] = []
        var startsParagraph: [Bool] = []
        /// Glyph height (≈ font size) of each line.
        var heights: [Double] = []
    }

    /// A title read from the first page when the metadata has none: the run of leading
    /// lines set clearly larger (≥ 1.25×) than the page's body text, among its first lines.
    static func titleFromLayout(_ page: PageLines) -> String? {
        guard page.lines.count >= 2 else { return nil }
        let sorted = page.heights.sorted()
        let body = sorted[sorted.count / 2]
        let window = min(page.lines.count, 8)
        guard let top = page.heights[0..<window].max(), body > 0, top >= 1.25 * body,
            let first = page.heights[0..<window].firstIndex(of: top)
        else { return nil }
        var parts: [String] = []
        var k = first
        while k < page.lines.count && abs(page.heights[k] - top) <= 0.1 * top && parts.count < 4 {
            parts.append(String(decoding: page.lines[k], as: UTF8.self))
            k += 1
        }
        let title = parts.joined(separator: " ")
        return title.count >= 3 && title.count <= 300 ? title : nil
    }

    /// Pages per worker: a PDF gets a second worker from twice this many pages on. Each
    /// extra worker opens its own poppler document, which parses the fonts again: ≈ 18 ms
    /// of CPU on the benchmark PDFs, the cost of reading about two pages.
    static let pagesPerWorker = 8
    /// Page workers never exceed this (measured on 2 cores only).
    static let maximumPageWorkers = 4

    /// The number of page workers for a PDF of `pageCount` pages (see `pageWorkers`).
    static func workerCount(
        requested: Int?, pageCount: Int,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        cores: Int = AvailableCores.count
    ) -> Int {
        if let requested { return max(1, min(requested, maximumPageWorkers, pageCount)) }
        var wanted = cores
        if let custom = environment["COOPLEX_PDF_WORKERS"], let n = Int(custom), n > 0 { wanted = n }
        return max(1, min(wanted, maximumPageWorkers, pageCount / pagesPerWorker))
    }

    private func readPages(data: Data, opened: PopplerDocument, library: PopplerLibrary, pageCount: Int)
        -> [PageLines?]
    {
        let workers = PDFExtractor.workerCount(requested: pageWorkers, pageCount: pageCount)
        if workers <= 1 {
            var pages: [PageLines?] = []
            pages.reserveCapacity(pageCount)
            var prefetched = false
            for index in 0..<pageCount {
                let page = readPage(opened, index)
                if !prefetched, let page { prefetched = prefetchLexicon(for: page) }
                pages.append(page)
            }
            return pages
        }
        let results = PageSlots(count: pageCount)
        let first = DocumentBox(opened)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Worker 0 reads with the document already open, each other worker opens its
            // own (poppler documents are not thread-safe). Interleaved pages balance the work.
            let document: PopplerDocument
            if worker == 0 {
                document = first.document
            } else {
                guard let own = try? PopplerDocument(data: data, library: library) else { return }
                document = own
            }
            var prefetched = false
            for index in stride(from: worker, to: pageCount, by: workers) {
                let page = readPage(document, index)
                if !prefetched, let page { prefetched = prefetchLexicon(for: page) }
                results.set(index, page)
            }
        }
        // A worker that could not open its document left its pages: read them here.
        for index in results.missing() {
            results.set(index, readPage(opened, index))
        }
        return results.values
    }

    /// Starts loading the lexicon in the background when `page` has a line-end hyphen
    /// (the repair will probably consult it once every page is read). Returns whether it
    /// did (or has nothing to prefetch), so callers stop looking.
    private func prefetchLexicon(for page: PageLines) -> Bool {
        guard repairsHyphenation else { return true }
        guard page.lines.contains(where: Dehyphenator.endsWithBreakHyphen) else { return false }
        FrenchLexicon.prefetchShared()
        return true
    }

    /// Hands the opened document to worker 0 only; no two threads ever use it at once.
    private struct DocumentBox: @unchecked Sendable {
        let document: PopplerDocument
        init(_ document: PopplerDocument) { self.document = document }
    }

    private func readPage(_ pdf: PopplerDocument, _ index: Int) -> PageLines? {
        guard let glyphs = pdf.glyphs(ofPage: index) else { return nil }
        let pageLines = TextLineBuilder.lines(from: glyphs)
        let ordered: [ColumnLayout.OrderedLine]
        if detectsColumns {
            ordered = ColumnLayout(lines: pageLines).ordered
        } else {
            ordered = pageLines.enumerated().map { .init(line: $0.element, startsParagraph: $0.offset == 0, column: 0) }
        }
        var result = PageLines()
        result.lines.reserveCapacity(ordered.count)
        result.startsParagraph.reserveCapacity(ordered.count)
        var normalized: [UInt8] = []
        var pendingParagraph = false
        for entry in ordered {
            normalized.removeAll(keepingCapacity: true)
            let needsComposition = entry.line.utf8.withUnsafeBufferPointer {
                TextNormalizer.normalize($0, into: &normalized)
            }
            var bytes =
                needsComposition
                ? Array(String(decoding: normalized, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
                : normalized
            PDFExtractor.trimBlanks(&bytes)
            pendingParagraph = pendingParagraph || entry.startsParagraph
            guard !bytes.isEmpty else { continue }
            result.lines.append(bytes)
            result.heights.append(entry.line.glyphHeight)
            result.startsParagraph.append(pendingParagraph)
            pendingParagraph = false
        }
        return result
    }

    /// Per-page results written by concurrent workers, each page by exactly one worker.
    private final class PageSlots: @unchecked Sendable {
        private var slots: [PageLines?]
        private var done: [Bool]
        private let lock = NSLock()
        init(count: Int) {
            slots = [PageLines?](repeating: nil, count: count)
            done = [Bool](repeating: false, count: count)
        }
        func set(_ index: Int, _ value: PageLines?) {
            lock.lock()
            slots[index] = value
            done[index] = true
            lock.unlock()
        }
        /// Pages no worker read.
        func missing() -> [Int] {
            lock.lock()
            defer { lock.unlock() }
            return done.indices.filter { !done[$0] }
        }
        var values: [PageLines?] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }

    private struct LineInfo {
        var page: Int
        var isBreak: Bool
    }

    private static func trimBlanks(_ bytes: inout [UInt8]) {
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var start = 0
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        if start > 0 || end < bytes.count { bytes = Array(bytes[start..<end]) }
    }

    static func pageList(_ pages: [Int]) -> String {
        pages.count == 1 ? "la page \(pages[0])" : "les pages " + pages.map(String.init).joined(separator: ", ")
    }

    /// Whether "%%EOF" appears in the last KiB (a truncated file lost it).
    static func hasEndMarker(_ data: Data) -> Bool {
        let tail = data.suffix(1024)
        let marker: [UInt8] = Array("%%EOF".utf8)
        guard tail.count >= marker.count else { return false }
        let bytes = [UInt8](tail)
        for i in stride(from: bytes.count - marker.count, through: 0, by: -1) where bytes[i] == 0x25 {
            if Array(bytes[i..<(i + marker.count)]) == marker { return true }
        }
        return false
    }
}
