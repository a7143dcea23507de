using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResetCodeGuessesRefreshClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "spent_by",
                table: "refresh_tokens",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "wrong_guesses",
                table: "password_resets",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "spent_by",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "wrong_guesses",
                table: "password_resets");
        }
    }
}
