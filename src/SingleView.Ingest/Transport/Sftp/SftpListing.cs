using System.Globalization;
using System.Text.RegularExpressions;

namespace SingleView.Ingest.Transport.Sftp;

/// <summary>A regular file in the partner's remote folder.</summary>
public sealed record RemoteFile(string Name, string RemotePath, long Bytes);

/// <summary>
/// Reads sftp's <c>ls -ln</c> output: permissions, links, uid, gid, size, date (three fields), then the
/// path, which may contain spaces. Only regular files are kept; the batch echo ("sftp> ...") is skipped.
/// </summary>
internal static partial class SftpListing
{
    [GeneratedRegex(@"^(?<type>\S)\S*\s+\S+\s+\S+\s+\S+\s+(?<size>\d+)\s+\S+\s+\S+\s+\S+\s(?<path>.+)$")]
    private static partial Regex LongLine();

    public static IReadOnlyList<RemoteFile> Parse(string output, string remoteFolder)
    {
        var files = new List<RemoteFile>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("sftp>", StringComparison.Ordinal)) continue;
            var match = LongLine().Match(line);
            if (!match.Success || match.Groups["type"].Value != "-") continue;
            var path = match.Groups["path"].Value;
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (name.Length == 0) continue;
            files.Add(new RemoteFile(name, Combine(remoteFolder, name), long.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture)));
        }

        return files;
    }

    public static string Combine(string folder, string name) => folder.EndsWith('/') ? folder + name : $"{folder}/{name}";
}
