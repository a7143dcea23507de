using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Board.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnrollmentEndDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "end_date",
                table: "enrollments",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "end_date",
                table: "enrollments");
        }
    }
}
