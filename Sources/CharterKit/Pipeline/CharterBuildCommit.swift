// scripts/dist.sh replaces this file, in the copy of the sources it builds a release from,
// with one that names the commit. Keep it to this one declaration.
extension CharterRelease {
    static let buildCommit: String? = nil
}
