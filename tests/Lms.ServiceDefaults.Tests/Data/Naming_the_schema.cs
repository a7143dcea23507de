using Lms.ServiceDefaults.Data;

namespace Lms.ServiceDefaults.Tests.Data;

public sealed class Naming_the_schema
{
    [Theory]
    [InlineData("OutboxMessages", "outbox_messages")]
    [InlineData("NormalizedEmail", "normalized_email")]
    [InlineData("PK_OutboxMessages", "pk_outbox_messages")]
    [InlineData("IX_accounts_NormalizedEmail", "ix_accounts_normalized_email")]
    [InlineData("HTMLTitle", "html_title")]
    [InlineData("Sha256Hash", "sha256_hash")]
    [InlineData("inbox", "inbox")]
    public void Turns_names_into_snake_case(string name, string expected) =>
        Assert.Equal(expected, SnakeCaseNamingConvention.ToSnakeCase(name));
}
