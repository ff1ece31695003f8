import type { AnswersResponse, Question, QuestionsResponse } from '@snag/protocol';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend, type QueryParams } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { QuestionBody } from './question-draft';

export const questionsPath = (project: string) => `/projects/${project}/questions`;
const questionPath = (project: string, id: string) => `${questionsPath(project)}/${encodeURIComponent(id)}`;

export function useQuestions(project: string) {
  return useApi<QuestionsResponse>(questionsPath(project));
}

export function useQuestion(project: string, id: string | null) {
  return useApi<Question>(id ? questionPath(project, id) : null);
}

export function useAnswers(project: string, id: string, filters: QueryParams) {
  return useApi<AnswersResponse>(`${questionPath(project, id)}/answers`, filters);
}

/** The path of a question's answers, for the CSV export. */
export const answersPath = (project: string, id: string) => `${questionPath(project, id)}/answers`;

/** Creates a question (no id) or replaces an existing one's fields; the lists refresh. */
export function useSaveQuestion(project: string, id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionBody) =>
      id
        ? apiSend<Question>('PATCH', questionPath(project, id), body)
        : apiSend<Question>('POST', questionsPath(project), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [questionsPath(project)] }),
  });
}

/** Pauses or resumes a question. */
export function useSetStatus(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: Question['status'] }) =>
      apiSend<Question>('PATCH', questionPath(project, id), { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [questionsPath(project)] }),
  });
}

export function useDeleteQuestion(project: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<void>('DELETE', questionPath(project, id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [questionsPath(project)] }),
  });
}
