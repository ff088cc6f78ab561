using System.Buffers;
using Microsoft.AspNetCore.Http;
using SingleView.Serve.Pages;

namespace SingleView.Serve.Endpoints;

/// <summary>
/// A page written to the response as UTF-8 straight from its builder: the same status, content type, length and
/// bytes as <see cref="RequestContext.Page"/> (Results.Content) gives for the page's string, without making that
/// string (a person page is tens of thousands of characters, made on every view).
/// </summary>
internal sealed class HtmlPageResult(Markup page, int statusCode = StatusCodes.Status200OK) : IResult
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = page.RentUtf8(out var length);
        try
        {
            var response = httpContext.Response;
            response.ContentType = HtmlContentType;
            response.StatusCode = statusCode;
            response.ContentLength = length;
            await response.BodyWriter.WriteAsync(body.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
