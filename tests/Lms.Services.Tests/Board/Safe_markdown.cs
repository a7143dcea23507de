using Lms.Board.Posts;

namespace Lms.Services.Tests.Board;

public sealed class Safe_markdown
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("[x](javascript:alert(1))", "<p>x)</p>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>")]
    [InlineData("**굵게** 와 *기울임* 과 `코드`", "<p><strong>굵게</strong> 와 <em>기울임</em> 과 <code>코드</code></p>")]
    [InlineData("- 하나\n- 둘", "<ul><li>하나</li><li>둘</li></ul>")]
    [InlineData("첫 줄\n둘째 줄\n\n새 문단", "<p>첫 줄<br>둘째 줄</p><p>새 문단</p>")]
    [InlineData("[\"q\"](https://example.com/\"onmouseover=\"x)", "<p><a href=\"https://example.com/%22onmouseover=%22x\" rel=\"nofollow noopener\">&quot;q&quot;</a></p>")]
    public void Renders_the_subset_and_nothing_that_runs(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown));
}
