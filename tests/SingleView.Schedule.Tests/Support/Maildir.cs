using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Support;

/// <summary>Reads what Postfix delivered to the test Maildir; each test finds its own messages by digest reference.</summary>
internal static class Maildir
{
    /// <summary>The messages whose X-SingleView-Digest header is one of the references, waiting up to 20 seconds for them to arrive.</summary>
    public static async Task<IReadOnlyList<string>> WaitForAsync(IReadOnlyCollection<string> references)
    {
        var folder = Path.Combine(TestPostfix.Maildir(), "new");
        for (var i = 0; i < 80; i++)
        {
            var found = Find(folder, references);
            if (found.Count >= references.Count) return found;
            await Task.Delay(250);
        }

        return Find(folder, references);
    }

    private static List<string> Find(string folder, IReadOnlyCollection<string> references) =>
        Directory.EnumerateFiles(folder)
            .Select(File.ReadAllText)
            .Where(text => references.Any(r => text.Contains($"X-SingleView-Digest: {r}", StringComparison.Ordinal)))
            .Select(Decoded)
            .ToList();

    /// <summary>The headers, then the body decoded from base64 when it was sent so (System.Net.Mail does for UTF-8 text).</summary>
    private static string Decoded(string message)
    {
        var split = message.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !message[..split].Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)) return message;
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(message[(split + 2)..].Split('\n', StringSplitOptions.TrimEntries))));
        return message[..split] + "\n\n" + body;
    }
}
