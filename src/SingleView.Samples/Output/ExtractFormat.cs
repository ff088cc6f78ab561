using System.Text;

namespace SingleView.Samples.Output;

/// <summary>How one source writes its CSV: delimiter, encoding (with or without a byte-order mark) and line ending.</summary>
internal sealed record ExtractFormat(string Delimiter, Encoding Encoding, string NewLine)
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    public static readonly Encoding Utf8WithByteOrderMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
