using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Company.Data.Migrations
{
    /// <inheritdoc />
    public partial class LearnerLiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "live_sessions",
                table: "learner_progress",
                type: "json",
                nullable: false,
                defaultValue: "{}")
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "live_sessions",
                table: "learner_progress");
        }
    }
}
