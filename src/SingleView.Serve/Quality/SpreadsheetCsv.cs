using System.Text;

namespace SingleView.Serve.Quality;

/// <summary>
/// CSV for a data owner to open in a spreadsheet. A cell a spreadsheet would read as a formula (starting with
/// =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so it is shown as text and never run;
/// every cell is then quoted as RFC 4180 says.
/// </summary>
internal static class SpreadsheetCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0) text = "'" + text;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Document(IEnumerable<IEnumerable<string?>> rows)
    {
        var builder = new StringBuilder();
        foreach (var row in rows) builder.Append(Line(row));
        return builder.ToString();
    }
}
