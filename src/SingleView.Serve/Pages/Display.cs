using System.Globalization;
using SingleView.Serve.Search;

namespace SingleView.Serve.Pages;

/// <summary>Formats for people: GOV.UK style dates ("5 January 2014").</summary>
internal static class Display
{
    public static string Date(string? iso) =>
        DateInput.FromIso(iso) is { } date ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)
            : iso ?? "not recorded";

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
