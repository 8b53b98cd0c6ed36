/** A titled chart figure with its CSV and PNG export buttons and the count of samples shown. */
import { useRef, useState, type ReactNode } from 'react';
import { SAMPLE_FIELDS } from '../../../shared/charts/types';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { chartPng, downloadBlob, safeFileName, seriesCsv, type CsvSeries } from './exportFiles';
import { DrawEvenOffScreen } from './ChartPanel';

/** Two animation frames: React has committed the panels drawn for an export, and they are laid out. */
const twoFrames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

interface Props {
  title: string;
  subtitle?: ReactNode;
  csv: () => CsvSeries[];
  sampleCount: number;
  seriesNames: string[];
  testId: string;
  children: ReactNode;
}

export function ChartCard({ title, subtitle, csv, sampleCount, seriesNames, testId, children }: Props) {
  const figure = useRef<HTMLElement>(null);
  const [error, setError] = useState<string>();
  // A PNG holds every panel, also those scrolled out of view (which are otherwise not drawn).
  const [exporting, setExporting] = useState(false);
  const exportCsv = () => {
    const text = seriesCsv(SAMPLE_FIELDS, csv());
    downloadBlob(new Blob([text], { type: 'text/csv' }), `${safeFileName(title)}.csv`);
  };
  const exportPng = async () => {
    setError(undefined);
    setExporting(true);
    try {
      await twoFrames();
      if (figure.current) downloadBlob(await chartPng(figure.current, title), `${safeFileName(title)}.png`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <figure
      ref={figure}
      className="charts-card"
      aria-label={`Chart: ${title}`}
      data-testid={testId}
      data-sample-count={sampleCount}
      data-series={seriesNames.join(',')}
    >
      <figcaption className="charts-card-header">
        <div>
          <h3 className="charts-card-title">{title}</h3>
          {subtitle ? <p className="charts-card-subtitle">{subtitle}</p> : null}
        </div>
        <div className="charts-card-actions">
          <button type="button" className="button button-small" onClick={exportCsv} aria-label={`Export ${title} as CSV`}>
            CSV
          </button>
          <button type="button" className="button button-small" onClick={() => void exportPng()} aria-label={`Export ${title} as PNG`}>
            PNG
          </button>
        </div>
      </figcaption>
      {error ? <ErrorNotice error={{ message: error }} onDismiss={() => setError(undefined)} /> : null}
      <DrawEvenOffScreen.Provider value={exporting}>{children}</DrawEvenOffScreen.Provider>
    </figure>
  );
}
