using System.Text;

namespace SingleView.Samples.Tests.Support;

/// <summary>
/// A minimal reader for the generated extracts in tests: a header and rows, quotes as RFC 4180.
/// Independent of the generator's writer, so that a quoting bug there fails here.
/// </summary>
internal sealed class DelimitedFile
{
    private DelimitedFile(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public static DelimitedFile Read(string path, char delimiter, Encoding? encoding = null)
    {
        var lines = File.ReadAllLines(path, encoding ?? Encoding.UTF8);
        var parsed = lines.Where(l => l.Length > 0).Select(l => Split(l, delimiter)).ToList();
        return new DelimitedFile(parsed[0], parsed.Skip(1).ToList());
    }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == column) return i;
        }

        throw new ArgumentException($"no column '{column}' in [{string.Join(", ", Header)}]", nameof(column));
    }

    public IEnumerable<string> Column(string column)
    {
        var index = IndexOf(column);
        return Rows.Select(r => r[index]);
    }

    internal static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
