// Statements: CREATE STREAM/TABLE, INSERT INTO, WITH properties, column types.
#include "ast/transformer.h"
#include "util/strings.h"

namespace streamc::ast {

Script Transformer::transform_script(P::ScriptContext& ctx) {
  Script script;
  for (auto* s : ctx.statement()) script.statements.push_back(transform_statement(*s));
  return script;
}

std::unique_ptr<Statement> Transformer::transform_statement(P::StatementContext& ctx) {
  std::unique_ptr<Statement> out;
  if (ctx.createSource()) {
    out = transform_create_source(*ctx.createSource());
  } else if (ctx.insertInto()) {
    out = transform_insert_into(*ctx.insertInto());
  } else {
    auto select = std::make_unique<SelectStatement>();
    select->query = transform_query(*ctx.query());
    out = std::move(select);
  }
  out->range = range(&ctx);
  return out;
}

std::unique_ptr<CreateSource> Transformer::transform_create_source(P::CreateSourceContext& ctx) {
  auto out = std::make_unique<CreateSource>();
  out->is_table = ctx.sourceKind()->TABLE() != nullptr;
  out->name = identifier(*ctx.sourceName()->identifier());
  out->name_range = range(ctx.sourceName());
  for (auto* element : ctx.tableElement()) {
    if (auto* column = dynamic_cast<P::ColumnElementContext*>(element)) {
      out->columns.push_back(transform_column(*column->columnDefinition()));
    } else if (auto* watermark = dynamic_cast<P::WatermarkElementContext*>(element)) {
      out->watermark = WatermarkDef{identifier(*watermark->identifier()),
                                    transform_expression(*watermark->expression()), range(watermark)};
    } else if (auto* key = dynamic_cast<P::PrimaryKeyElementContext*>(element)) {
      for (auto* id : key->identifier()) out->primary_key.push_back(identifier(*id));
    }
  }
  if (ctx.withClause()) {
    out->with = transform_with(*ctx.withClause());
    out->with_range = range(ctx.withClause());
  }
  if (ctx.query()) out->as_query = transform_query(*ctx.query());
  return out;
}

std::unique_ptr<InsertInto> Transformer::transform_insert_into(P::InsertIntoContext& ctx) {
  auto out = std::make_unique<InsertInto>();
  out->target = identifier(*ctx.sourceName()->identifier());
  out->target_range = range(ctx.sourceName());
  out->query = transform_query(*ctx.query());
  return out;
}

std::vector<Property> Transformer::transform_with(P::WithClauseContext& ctx) {
  std::vector<Property> out;
  for (auto* p : ctx.property()) {
    Property prop;
    auto* key = p->propertyKey();
    if (key->STRING_LITERAL() || key->QUOTED_IDENTIFIER()) {
      prop.key = unquote_string(key->getText());
    } else {
      std::vector<std::string> parts;
      for (auto* id : key->identifier()) parts.push_back(identifier(*id));
      prop.key = join(parts, ".");
    }
    auto* value = p->propertyValue();
    if (value->STRING_LITERAL() || value->QUOTED_IDENTIFIER()) {
      prop.value = unquote_string(value->getText());
    } else if (value->identifier()) {
      prop.value = identifier(*value->identifier());
    } else {
      prop.value = value->getText();
    }
    prop.key_range = range(key);
    prop.value_range = range(value);
    out.push_back(std::move(prop));
  }
  return out;
}

ColumnDef Transformer::transform_column(P::ColumnDefinitionContext& ctx) {
  ColumnDef column;
  column.name = identifier(*ctx.identifier());
  column.type = transform_type(*ctx.dataType());
  column.not_null = ctx.NOT() != nullptr;
  column.primary_key = ctx.columnKey() != nullptr;
  column.range = range(&ctx);
  return column;
}

TypeName Transformer::transform_type(P::DataTypeContext& ctx) {
  TypeName type;
  type.name = to_lower(identifier(*ctx.identifier()));
  if (ctx.PRECISION()) type.name += " precision";
  for (auto* n : ctx.INTEGER_LITERAL()) {
    int64_t v = 0;
    if (!to_int64(n->getText(), v)) diags_.report(DiagId::bad_literal, range(n), {"type parameter " + n->getText() + " is too large"});
    type.params.push_back(v);
  }
  type.range = range(&ctx);
  return type;
}

}  // namespace streamc::ast
