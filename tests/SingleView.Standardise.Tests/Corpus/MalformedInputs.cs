using System.Text;
using SingleView.Core.Model;
using static SingleView.Standardise.Tests.Corpus.MalformedInput;

namespace SingleView.Standardise.Tests.Corpus;

/// <summary>The corpus: every way a partner extract has been seen to break, generated in code.</summary>
internal static class MalformedInputs
{
    private const string Header = Fixtures.Header;
    private static readonly string Good1 = Fixtures.Row("1");
    private static readonly string Good2 = Fixtures.Row("2", forename: "Bob", surname: "Jones");

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static IEnumerable<MalformedInput> All()
    {
        // Encodings
        yield return new("UTF-8 with a byte order mark", Bytes([0xEF, 0xBB, 0xBF], Utf8(Lines(Header, Good1, Good2))), FeedState.Current, 2);
        yield return new("UTF-16 little-endian with a byte order mark", Text(Lines(Header, Good1, Good2), new UnicodeEncoding(false, true)), FeedState.Current, 2);
        yield return new("UTF-16 big-endian with a byte order mark", Text(Lines(Header, Good1, Good2), new UnicodeEncoding(true, true)), FeedState.Current, 2);
        yield return new("UTF-16 without a byte order mark", Text(Lines(Header, Good1, Good2), new UnicodeEncoding(false, false)), FeedState.Held, 0,
            Reason: "NUL bytes");
        yield return new("Windows-1252 in a UTF-8 feed", Bytes(Utf8(Header + "\r\n" + Good1 + "\r\n"), Encoding.Latin1.GetBytes(Fixtures.Row("2", forename: "José") + "\r\n")),
            FeedState.Current, 1, 1, Reason: "not valid UTF-8");
        yield return new("invalid UTF-8 byte sequence mid-row", Bytes(Utf8(Header + "\r\n2,An"), [0xC3, 0x28], Utf8("n,Smith,01/02/2015,F,M1 1AE,,,,,,\r\n" + Good1 + "\r\n")),
            FeedState.Current, 1, 1, Reason: "not valid UTF-8");

        // Delimiters and quoting
        yield return new("semicolons instead of commas", Text(Lines(Header.Replace(',', ';'), Good1.Replace(',', ';'))), FeedState.Held, 0,
            Reason: "looks ';'-delimited");
        yield return new("tabs instead of commas", Text(Lines(Header.Replace(',', '\t'), Good1.Replace(',', '\t'))), FeedState.Held, 0,
            Reason: "looks tab-delimited");
        yield return new("a stray quote inside an unquoted field", Text(Lines(Header, Good1, Fixtures.Row("2", forename: "Ann\"e"))), FeedState.Current, 1, 1,
            Reason: "a quote inside an unquoted field");
        yield return new("text after a closing quote", Text(Lines(Header, Good1, Fixtures.Row("2", forename: "\"Ann\"e"))), FeedState.Current, 1, 1,
            Reason: "text after the closing quote");
        yield return new("a quoted field never closed", Text(Lines(Header, Good1, Fixtures.Row("2", forename: "\"Ann"), Fixtures.Row("3"))), FeedState.Current, 2, 1,
            Reason: "never closed");
        yield return new("line breaks inside quoted fields", Text(Lines(Header, Fixtures.Row("1", plan: "\"Child in need\r\nsecond line\""), Good2)), FeedState.Current, 2,
            Check: feed => feed.Records[0].Involvement!.Details["plan_type"].ShouldBe("Child in need\r\nsecond line"));
        yield return new("old Mac line endings (CR only)", Text(string.Join("\r", Header, Good1, Good2) + "\r"), FeedState.Current, 2);
        yield return new("Unix line endings (LF only)", Text(string.Join("\n", Header, Good1, Good2) + "\n"), FeedState.Current, 2);
        yield return new("blank lines between rows", Text(Lines(Header, string.Empty, Good1, "   ", Good2, string.Empty)), FeedState.Current, 2);

        // Headers
        yield return new("a required column missing", Text(Lines(Header.Replace(",Surname", string.Empty), Good1)), FeedState.Held, 0,
            Reason: "missing column(s) Surname");
        yield return new("a mapped column missing", Text(Lines(Header.Replace(",Plan", string.Empty), Good1)), FeedState.Held, 0,
            Reason: "missing column(s) Plan");
        // Header names are matched exactly first, then ignoring case and surrounding spaces: a partner
        // changing "Surname" to "SURNAME" is not a reason to hold the feed.
        yield return new("header names in another case", Text(Lines(Header.ToUpperInvariant(), Good1)), FeedState.Current, 1);
        yield return new("header names with spaces around them", Text(Lines(Header.Replace(",", " , ", StringComparison.Ordinal), Good1)), FeedState.Current, 1);
        yield return new("an extra column", Text(Lines(Header + ",Notes", Good1 + ",x", Good2 + ",y")), FeedState.Current, 2);
        yield return new("columns in another order", Text(Lines(Reorder(Header), Reorder(Good1), Reorder(Good2))), FeedState.Current, 2,
            Check: feed => feed.Records[1].FamilyName.ShouldBe("Jones"));
        yield return new("a duplicated column name", Text(Lines(Header + ",Surname", Good1 + ",Other", Good2 + ",Other")), FeedState.Held, 0,
            Reason: "duplicated column(s) Surname");
        yield return new("an empty file", Text(string.Empty), FeedState.Held, 0, Reason: "the file is empty");
        yield return new("only white space", Text("\r\n  \r\n\r\n"), FeedState.Held, 0, Reason: "the file is empty");
        yield return new("a header and no rows", Text(Lines(Header)), FeedState.Held, 0, Reason: "no rows");
        yield return new("no header, data only", Text(Lines(Good1, Good2)), FeedState.Held, 0, Reason: "missing column(s)");

        // Field counts
        yield return new("a trailing delimiter on every line", Text(Lines(Header + ",", Good1 + ",", Good2 + ",")), FeedState.Current, 2);
        yield return new("a trailing delimiter on data lines only", Text(Lines(Header, Good1 + ",", Good2 + ",,")), FeedState.Current, 2);
        yield return new("a row with extra values", Text(Lines(Header, Good1, Good2 + ",surprise")), FeedState.Current, 1, 1, Reason: "13 fields where the header has 12");
        yield return new("a truncated last line", Text(Header + "\r\n" + Good1 + "\r\n" + Good2[..20]), FeedState.Current, 1, 1, Reason: "fields where the header has 12");
        yield return new("a truncated last line inside quotes", Text(Header + "\r\n" + Good1 + "\r\n2,\"Bo"), FeedState.Current, 1, 1, Reason: "never closed");

        // Sizes and bytes
        yield return new("a 1 MB field", Text(Lines(Header, Good1, Fixtures.Row("2", plan: new string('x', 1024 * 1024)))), FeedState.Current, 1, 1,
            Reason: "longer than the 65536 bytes a row may have");
        yield return new("NUL bytes inside a field", Bytes(Utf8(Header + "\r\n" + Good1 + "\r\n2,An"), [0, 0], Utf8("n,Smith,01/02/2015,F,M1 1AE,,,,,,\r\n")), FeedState.Current, 1, 1,
            Reason: "NUL");
        yield return new("a file of NUL bytes", Bytes(new byte[4096]), FeedState.Held, 0, Reason: "NUL bytes");
        yield return new("random binary", Bytes(RandomBytes(64 * 1024)), FeedState.Held, 0);
        yield return new("a 200 MB line after an unclosed quote", Write200MegabytesAfterAnUnclosedQuote, FeedState.Current, 2, 2,
            Reason: "runs on past");

        // Cell contents
        foreach (var prefix in new[] { "=", "+", "-", "@" })
        {
            var formula = prefix + "HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")";
            yield return new($"a cell starting with {prefix}", Text(Lines(Header, Good1, Fixtures.Row("2", plan: $"\"{formula}\""))), FeedState.Current, 2,
                Check: feed => feed.Records[1].Involvement!.Details["plan_type"].ShouldBe(formula.Replace("\"\"", "\"", StringComparison.Ordinal)));
        }

        yield return new("an impossible date of birth (31 February)", Text(Lines(Header, Good1, Fixtures.Row("2", dob: "31/02/2015"))), FeedState.Current, 1, 1,
            Reason: "date_of_birth");
        yield return new("an unreadable date of birth", Text(Lines(Header, Good1, Fixtures.Row("2", dob: "yesterday"))), FeedState.Current, 1, 1,
            Reason: "date_of_birth");
        yield return new("a date of birth in the future", Text(Lines(Header, Good1, Fixtures.Row("2", dob: "01/01/2099"))), FeedState.Current, 1, 1,
            Reason: "after the extract date");
        yield return new("a date of birth over 120 years ago", Text(Lines(Header, Good1, Fixtures.Row("2", dob: "01/01/1850"))), FeedState.Current, 1, 1,
            Reason: "120 years");
        yield return new("a date in an undeclared format", Text(Lines(Header, Good1, Fixtures.Row("2", dob: "2015.02.01"))), FeedState.Current, 1, 1,
            Reason: "date_of_birth");
        yield return new("an unreadable start date (kept, with a warning)", Text(Lines(Header, Good1, Fixtures.Row("2", start: "31/13/2026"))), FeedState.Current, 2,
            Check: feed => feed.Records[1].Warnings.ShouldContain(w => w.StartsWith("involvement.start_date", StringComparison.Ordinal)));
        yield return new("a duplicated record id", Text(Lines(Header, Good1, Fixtures.Row("1", forename: "Other"))), FeedState.Current, 1, 1, Reason: "duplicated");
        yield return new("an empty record id", Text(Lines(Header, Good1, Fixtures.Row(string.Empty))), FeedState.Current, 1, 1, Reason: "record id");
    }

    // Generated on disk as it is written: 200 MB never sits in memory. The quote on line 3 is never closed and
    // line 4 never ends for 200 MB: both are quarantined with the reader's buffer bounded, and line 5 is kept.
    private static void Write200MegabytesAfterAnUnclosedQuote(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(Utf8(Header + "\r\n" + Good1 + "\r\n" + "3,\"Ann,Smith,01/02/2015\r\n"));
        var junk = Utf8(new string('x', 1 << 20));
        for (var written = 0; written < 200; written++) stream.Write(junk);
        stream.Write(Utf8("\r\n" + Good2 + "\r\n"));
    }

    private static string Reorder(string line)
    {
        var cells = line.Split(',');
        return string.Join(',', cells.Reverse());
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(3).NextBytes(bytes);
        return bytes;
    }
}
