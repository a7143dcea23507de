using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Company.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanySuspensionInstitutionStandings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "companies",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "institution_standings",
                columns: table => new
                {
                    institution_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    suspended = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_standings", x => x.institution_id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "institution_standings");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "companies");
        }
    }
}
