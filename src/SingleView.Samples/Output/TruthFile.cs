namespace SingleView.Samples.Output;

/// <summary>
/// truth.csv: for every row of every extract, the real person and family behind it, so that
/// matching can be scored against what is actually so.
/// </summary>
internal sealed class TruthFile : IDisposable
{
    public const string Header = "feed,record_id,person_id,family_id";

    private readonly StreamWriter writer;

    public TruthFile(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Path = path;
        writer = new StreamWriter(path, append: false, ExtractFormat.Utf8) { NewLine = "\n" };
        writer.WriteLine(Header);
    }

    public string Path { get; }

    public int Rows { get; private set; }

    /// <summary>Record ids are generated letters and digits, so no cell ever needs quoting.</summary>
    public void Write(string feed, string recordId, string personId, string familyId)
    {
        writer.Write(feed);
        writer.Write(',');
        writer.Write(recordId);
        writer.Write(',');
        writer.Write(personId);
        writer.Write(',');
        writer.WriteLine(familyId);
        Rows++;
    }

    public void Dispose() => writer.Dispose();
}
