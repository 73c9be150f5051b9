// Walks the ANTLR parse tree by hand and builds the AST (Kuzu style: typed
// returns, one file per grammar area, no generated visitor or listener).
#pragma once

#include <cstdint>
#include <vector>

#include "StreamSqlParser.h"
#include "ast/statements.h"
#include "diag/diagnostics.h"

namespace streamc::ast {

using P = streamc::grammar::StreamSqlParser;

class Transformer {
 public:
  // `offsets[i]` is the byte offset of code point i of the source (ANTLR
  // indexes code points; diagnostics speak bytes).
  Transformer(const std::vector<uint32_t>& offsets, Diagnostics& diags) : offsets_(offsets), diags_(diags) {}

  Script transform_script(P::ScriptContext& ctx);

  // transform_statement.cpp
  std::unique_ptr<Statement> transform_statement(P::StatementContext& ctx);
  std::unique_ptr<CreateSource> transform_create_source(P::CreateSourceContext& ctx);
  std::unique_ptr<InsertInto> transform_insert_into(P::InsertIntoContext& ctx);
  std::vector<Property> transform_with(P::WithClauseContext& ctx);
  ColumnDef transform_column(P::ColumnDefinitionContext& ctx);
  TypeName transform_type(P::DataTypeContext& ctx);

  // transform_query.cpp
  QueryPtr transform_query(P::QueryContext& ctx);
  SelectItem transform_select_item(P::SelectItemContext& ctx);
  Relation transform_relation(P::RelationContext& ctx);
  Join transform_join(P::JoinClauseContext& ctx);
  WindowClause transform_window(P::WindowClauseContext& ctx);
  Duration transform_duration(P::DurationContext& ctx);
  Duration seconds(antlr4::tree::TerminalNode& number);
  OrderItem transform_order_item(P::OrderItemContext& ctx);

  // transform_expression.cpp
  ExprPtr transform_expression(P::ExpressionContext& ctx);
  ExprPtr transform_or(P::OrExpressionContext& ctx);
  ExprPtr transform_and(P::AndExpressionContext& ctx);
  ExprPtr transform_not(P::NotExpressionContext& ctx);
  ExprPtr transform_predicate(P::PredicateContext& ctx);
  ExprPtr transform_value(P::ValueExpressionContext& ctx);
  ExprPtr transform_additive(P::AdditiveExpressionContext& ctx);
  ExprPtr transform_multiplicative(P::MultiplicativeExpressionContext& ctx);
  ExprPtr transform_power(P::PowerExpressionContext& ctx);
  ExprPtr transform_unary(P::UnaryExpressionContext& ctx);
  ExprPtr transform_primary(P::PrimaryExpressionContext& ctx);
  ExprPtr transform_literal(P::LiteralContext& ctx);
  ExprPtr transform_function(P::FunctionCallContext& ctx);
  std::unique_ptr<WindowSpec> transform_over(P::OverClauseContext& ctx);

  // Helpers shared by the files above.
  SourceRange range(antlr4::ParserRuleContext* ctx) const;
  SourceRange range(antlr4::Token* token) const;
  SourceRange range(antlr4::tree::TerminalNode* node) const { return range(node->getSymbol()); }
  static std::string identifier(P::IdentifierContext& ctx);
  static std::string unquote_string(const std::string& token_text);
  int64_t unit_ms(P::TimeUnitContext& ctx) const;

 private:
  const std::vector<uint32_t>& offsets_;
  Diagnostics& diags_;
};

}  // namespace streamc::ast
