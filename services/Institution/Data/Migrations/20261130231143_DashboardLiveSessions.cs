using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Institution.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardLiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "live_sessions",
                table: "dashboard_enrollments",
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
                table: "dashboard_enrollments");
        }
    }
}
