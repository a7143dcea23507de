using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lms.ServiceDefaults.Tests.Http;

public sealed class Answering_tables_as_csv(SampleService service) : IClassFixture<SampleService>
{
    [Fact]
    public async Task The_download_starts_with_the_byte_order_mark_and_its_headers()
    {
        var response = await service.Client.GetAsync("/sample/v1/table?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("이름,개수\r\n김하나,3\r\n", text, StringComparison.Ordinal);
        Assert.Contains("'=SUM(A1)", text, StringComparison.Ordinal);
        Assert.Equal("표.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task The_document_keeps_the_json_answer_and_lists_csv_beside_it()
    {
        var document = await service.Client.GetFromJsonAsync<JsonElement>("/sample/openapi/v1.json");

        var content = document.GetProperty("paths").GetProperty("/sample/v1/table").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content");
        var json = content.GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/SampleTable", json.GetProperty("$ref").GetString());
        Assert.Equal("string", content.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("SampleRow", out _));
    }
}
