using System.Globalization;
using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Lms.ServiceDefaults.Http;

/// <summary>One column of an export: its (Korean) header and how a row shows in it.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value);

/// <summary>
/// A table or report answered as a CSV download that Excel opens as it is: UTF-8 with a byte order mark, a header row,
/// RFC 4180 quoting and CRLF line ends (CsvHelper's writer). Rows are written as the query yields them straight into
/// the response; the writer's buffer is handed to the response asynchronously whenever it is mostly full (Kestrel
/// refuses synchronous writes), so memory stays flat however many rows there are. Text that a spreadsheet would run
/// as a formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> first) is prefixed with <c>'</c>, since names and comments
/// come from users.
/// </summary>
public sealed class CsvFile<T>(string fileName, string asciiFileName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows)
    : IResult, IEndpointMetadataProvider
{
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        // filename for old clients (ASCII only), filename* (RFC 5987, UTF-8 percent-encoded) for the Korean name.
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = asciiFileName, FileNameStar = fileName }.ToString();

        await using var csv = CsvWriter.Create(response.Body,
            new CsvWriterOptions { WriteByteOrderMark = true, NewLine = "\r\n", Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture },
            leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }
        await csv.EndRecordAsync(cancellationToken);

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Value(row) ?? string.Empty);
            }
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A marker, not a second 200 response type: the OpenAPI generator keeps one response type per status, so a
    /// <c>text/csv</c> 200 declared here replaced the JSON answer's schema and clients lost the dashboards' types. The
    /// document's conventions add <c>text/csv</c> beside the JSON instead (<see cref="CsvDownloadMetadata"/>).
    /// </summary>
#pragma warning disable CA1000 // IEndpointMetadataProvider is a static interface member; it cannot live elsewhere.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(CsvDownloadMetadata.Instance);
#pragma warning restore CA1000
}

/// <summary>The endpoint's 200 also answers <c>?format=csv</c> with a <c>text/csv</c> download.</summary>
public sealed class CsvDownloadMetadata
{
    public static CsvDownloadMetadata Instance { get; } = new();

    private CsvDownloadMetadata()
    {
    }
}

public static class CsvFile
{
    /// <summary>A table already in memory (dashboards of aggregated rows, which are small).</summary>
    public static CsvFile<T> Of<T>(string fileName, string asciiFileName, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows) =>
        new(fileName, asciiFileName, columns, rows.ToAsyncEnumerable());
}

/// <summary>How a dashboard answers: JSON unless <c>?format=csv</c>; anything else is a 400 naming <c>format</c>.</summary>
public static class ReportFormat
{
    public static bool TryParse(string? format, out bool csv)
    {
        csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        return csv || string.IsNullOrEmpty(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid() =>
        Problems.Invalid("format", "format must be json or csv.");

    /// <summary>Numbers and dates as Excel reads them whatever the server's culture; times in Korea time, as filed.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string? Number(decimal? value) => value is { } v ? Number(v) : null;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Date(DateTimeOffset? value) =>
        value?.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
