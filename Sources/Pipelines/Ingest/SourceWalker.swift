import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file found under one of a run's roots.
public struct WalkedFile: Sendable, Equatable {
    /// The identity of the file in the index: the root as given, joined with the path below it.
    public var path: String
    /// The path below its root (the file name for a file given explicitly).
    public var relative: String
    public var size: Int
}

/// Lists the files a run will consider: roots walked recursively in byte order of names,
/// hidden files and directories skipped (unless given explicitly), symbolic links followed
/// but each directory visited once (no loops), `inclure`/`exclure` globs applied, and the
/// patterns of any `.cooplexignore` file honoured below the directory that holds it.
public struct SourceWalker: Sendable {
    public var sources: [PipelineSpec.Source]

    public init(sources: [PipelineSpec.Source]) { self.sources = sources }

    public struct Result: Sendable {
        public var files: [WalkedFile]
        public var failures: [FailureRecord]
        /// The normalized roots (to scope pruning).
        public var roots: [String]
    }

    public func walk() -> Result {
        var result = Result(files: [], failures: [], roots: [])
        var seenFiles: Set<String> = []
        for source in sources {
            let root = Self.normalize(source.path)
            result.roots.append(root)
            var st = stat()
            guard stat(root, &st) == 0 else {
                result.failures.append(
                    FailureRecord(path: root, stage: .walk, message: "chemin introuvable (\(Self.errnoText()))"))
                continue
            }
            if Self.isDirectory(st) {
                var visited: Set<DirectoryIdentity> = [DirectoryIdentity(st)]
                walkDirectory(
                    root, relative: "", source: source, ignores: [], visited: &visited, into: &result,
                    seen: &seenFiles)
            } else if Self.isRegular(st) {
                // A file named explicitly is taken even when hidden or outside the patterns.
                if seenFiles.insert(root).inserted { result.files.append(WalkedFile(path: root, relative: (root as NSString).lastPathComponent, size: Int(st.st_size))) }
            } else {
                result.failures.append(FailureRecord(path: root, stage: .walk, message: "ni fichier ordinaire ni répertoire"))
            }
        }
        return result
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
        }
    }

    /// The patterns of one `.cooplexignore` file, relative to the directory that holds it.
    struct IgnoreRules: Sendable {
        /// Path of that directory below the root ("" for the root itself).
        var base: String
        var patterns: [String]

        static let fileName = ".cooplexignore"

        /// One glob a line (`reference/`, `*.tsv`, `brouillons/*.docx`); `#` starts a comment.
        /// A pattern with a slash (leading or inside) matches the path below the ignore file's
        /// directory; otherwise it matches a name at any depth. A trailing slash is dropped.
        static func load(directory: String, base: String) -> IgnoreRules? {
            let path = directory + "/" + fileName
            guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { return nil }
            let patterns = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap {
                line -> String? in
                var p = line.trimmingCharacters(in: .whitespaces)
                if p.isEmpty || p.hasPrefix("#") { return nil }
                while p.hasSuffix("/") { p.removeLast() }
                return p.isEmpty || p == "/" ? nil : p
            }
            return patterns.isEmpty ? nil : IgnoreRules(base: base, patterns: patterns)
        }

        func excludes(name: String, relative: String) -> Bool {
            let below = base.isEmpty ? relative : String(relative.dropFirst(base.count + 1))
            for pattern in patterns {
                if pattern.hasPrefix("/") {
                    if fnmatch(String(pattern.dropFirst()), below, SourceWalker.caseFold) == 0 { return true }
                } else if SourceWalker.matches([pattern], name: name, relative: below) {
                    return true
                }
            }
            return false
        }
    }

    private func walkDirectory(
        _ directory: String, relative: String, source: PipelineSpec.Source, ignores inherited: [IgnoreRules],
        visited: inout Set<DirectoryIdentity>, into result: inout Result, seen: inout Set<String>
    ) {
        var ignores = inherited
        if let local = IgnoreRules.load(directory: directory, base: relative) { ignores.append(local) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            result.failures.append(FailureRecord(path: directory, stage: .walk, message: "répertoire illisible"))
            return
        }
        // Byte order, so runs and index order are the same on every machine.
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            if name.hasPrefix(".") { continue }
            let path = directory == "." ? name : directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            if ignores.contains(where: { $0.excludes(name: name, relative: rel) }) { continue }
            var st = stat()
            guard stat(path, &st) == 0 else {
                var lst = stat()
                if lstat(path, &lst) == 0, (lst.st_mode & S_IFMT) == S_IFLNK {
                    continue  // a dangling symbolic link is not a document
                }
                result.failures.append(FailureRecord(path: path, stage: .walk, message: "inaccessible (\(Self.errnoText()))"))
                continue
            }
            if Self.isDirectory(st) {
                if Self.matches(source.exclude, name: name, relative: rel) { continue }
                guard visited.insert(DirectoryIdentity(st)).inserted else { continue }  // link loop or repeat
                walkDirectory(
                    path, relative: rel, source: source, ignores: ignores, visited: &visited, into: &result,
                    seen: &seen)
            } else if Self.isRegular(st) {
                if !source.include.isEmpty && !Self.matches(source.include, name: name, relative: rel) { continue }
                if Self.matches(source.exclude, name: name, relative: rel) { continue }
                if seen.insert(path).inserted { result.files.append(WalkedFile(path: path, relative: rel, size: Int(st.st_size))) }
            }
        }
    }

    /// Case-insensitive glob match on the file name, or on the path below the root when the
    /// pattern contains a slash.
    /// FNM_CASEFOLD (a GNU and BSD extension the Glibc module does not export): 1 << 4 on both.
    fileprivate static let caseFold: Int32 = 1 << 4

    static func matches(_ patterns: [String], name: String, relative: String) -> Bool {
        for pattern in patterns {
            let subject = pattern.contains("/") ? relative : name
            if fnmatch(pattern, subject, caseFold) == 0 { return true }
        }
        return false
    }

    /// Removes "./" components, repeated and trailing slashes: the same file always gets
    /// the same source string.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// True when `source` is `root` itself or lies below it.
    public static func isUnder(_ source: String, root: String) -> Bool {
        if root == "." { return !source.hasPrefix("/") }
        return source == root || source.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    private static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
    private static func errnoText() -> String {
        switch errno {
        case ENOENT: return "n’existe pas"
        case EACCES: return "permission refusée"
        case ELOOP: return "boucle de liens symboliques"
        default: return String(cString: strerror(errno))
        }
    }
}
