import type { InlineMode, InlineRequestType } from '../../../../shared/model/inline';
import { templateVariables } from '../../../../shared/okta/inline/template-variables';
import { useAnswerCheck } from './use-answer-check';
import { VerdictView } from './verdict-view';

interface TemplateFieldProps {
  type: InlineRequestType;
  mode: InlineMode;
  template: string;
  onTemplate: (template: string) => void;
}

/** The template, its variables, and what Okta would do with it for a sample call of the type. */
export function TemplateField({ type, mode, template, onTemplate }: TemplateFieldProps) {
  const check = useAnswerCheck(type, template);
  return (
    <>
      <label className="field">
        <span>
          {mode === 'breakpoint'
            ? 'Starting answer (edited live, and sent if the deadline passes)'
            : 'Template'}
        </span>
        <textarea
          className="inline-code"
          rows={10}
          spellCheck="false"
          value={template}
          onChange={(e) => onTemplate(e.target.value)}
          data-testid="inline-template"
        />
      </label>
      <p className="inline-editor__vars">
        Variables:{' '}
        {templateVariables(type).map((v) => (
          <code key={v.name} title={v.path}>{`{{${v.name}}}`}</code>
        ))}{' '}
        or any path such as <code>{'{{data.context.request.id}}'}</code>
      </p>
      {check && check.missing.length > 0 && (
        <p className="note note--warn">The sample has no {check.missing.join(', ')}: left empty.</p>
      )}
      {check && <VerdictView verdict={check.verdict} testId="template-verdict" />}
    </>
  );
}
