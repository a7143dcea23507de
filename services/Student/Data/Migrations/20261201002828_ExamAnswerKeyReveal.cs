using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Student.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExamAnswerKeyReveal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Exams published before the field existed keep their keys as the default says: until the exam closes.
            migrationBuilder.AddColumn<string>(
                name: "answer_key_reveal",
                table: "exams",
                type: "varchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "AFTER_CLOSE")
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "answer_key_reveal",
                table: "exams");
        }
    }
}
