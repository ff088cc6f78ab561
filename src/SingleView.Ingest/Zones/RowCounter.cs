using System.Text;

namespace SingleView.Ingest.Zones;

/// <summary>
/// Counts the records of a CSV file for its manifest without parsing it: line breaks outside quotes,
/// ignoring empty lines. It is a receipt ("we got 1,204 rows"), not a validation; the standardiser
/// decides which rows are usable.
/// </summary>
internal static class RowCounter
{
    public static async Task<long> CountAsync(string path, Encoding encoding, char quote, bool header, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[65536];
        long records = 0;
        var inQuotes = false;
        var lineHasContent = false;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c == quote) inQuotes = !inQuotes;
                if (!inQuotes && c is '\n' or '\r')
                {
                    if (lineHasContent) records++;
                    lineHasContent = false;
                }
                else
                {
                    lineHasContent = true;
                }
            }
        }

        if (lineHasContent) records++;
        return header ? Math.Max(0, records - 1) : records;
    }
}
