using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Institution.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_courses_state_category_code",
                table: "courses");

            migrationBuilder.CreateTable(
                name: "catalog_grams",
                columns: table => new
                {
                    gram = table.Column<string>(type: "varchar(2)", maxLength: 2, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    updated_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    course_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    sources = table.Column<byte>(type: "tinyint unsigned", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_grams", x => new { x.gram, x.updated_at, x.course_id });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "catalog_totals",
                columns: table => new
                {
                    category_code = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    published = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_totals", x => x.category_code);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_courses_state_category_code_updated_at",
                table: "courses",
                columns: new[] { "state", "category_code", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_state_updated_at",
                table: "courses",
                columns: new[] { "state", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_grams_course_id_gram",
                table: "catalog_grams",
                columns: new[] { "course_id", "gram" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_grams");

            migrationBuilder.DropTable(
                name: "catalog_totals");

            migrationBuilder.DropIndex(
                name: "ix_courses_state_category_code_updated_at",
                table: "courses");

            migrationBuilder.DropIndex(
                name: "ix_courses_state_updated_at",
                table: "courses");

            migrationBuilder.CreateIndex(
                name: "ix_courses_state_category_code",
                table: "courses",
                columns: new[] { "state", "category_code" });
        }
    }
}
